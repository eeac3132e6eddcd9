import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { ALL } from "../../src/routes/token.ts";

// The last row of the token endpoint's contract table (see token-contract.test.ts), against the
// route itself: the other rows are decided by `tokenOutcome`, this one by the route's exports.
test("any other method: 405, the documented body and Allow", async () => {
  const readme = readFileSync("packages/astro-helpdesky/README.md", "utf8");
  const row = readme.split("\n").find((line) => line.startsWith("| any other |"))!;
  const response = (await ALL({} as Parameters<typeof ALL>[0])) as Response;
  expect(row).toContain(`| \`${response.status}\` |`);
  const documentedBody = JSON.parse(/`(\{[^`]+\})`/.exec(row)![1]!);
  expect(await response.json()).toEqual(documentedBody);
  expect(row).toContain(`Allow: ${response.headers.get("allow")}`);
});
