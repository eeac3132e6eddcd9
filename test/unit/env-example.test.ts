import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { helpdeskyEnvFields } from "../../packages/astro-helpdesky/src/env-fields.ts";

// SESSION_SECRET is the site's own astro:env field (astro.config.mjs); HSTS is read by the Node
// server as it starts; the rest are the integration's astro:env fields.
const EXPECTED = [...Object.keys(helpdeskyEnvFields), "SESSION_SECRET", "HSTS"].sort();

test(".env.example lists exactly the variables the site reads", () => {
  const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
  const listed = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]).sort();
  expect(listed).toEqual(EXPECTED);
});

/** The variables in the first column of the table under `heading` in `file`. */
function documentedIn(file: string, heading: string): string[] {
  const readme = readFileSync(new URL(file, import.meta.url), "utf8");
  const section = readme.split(`\n## ${heading}\n`)[1]!.split("\n## ")[0]!;
  const firstColumns = section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => line.split("|")[1]!);
  return firstColumns
    .flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1]!))
    .sort();
}

test("the package's README lists the integration's variables, the site's README the site's own", () => {
  expect(documentedIn("../../packages/astro-helpdesky/README.md", "Configuration")).toEqual(
    Object.keys(helpdeskyEnvFields).sort(),
  );
  expect(documentedIn("../../README.md", "Configuration")).toEqual(["HSTS", "SESSION_SECRET"]);
});
