// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { http, HttpResponse } from "msw";
import { describe, expect, test } from "vitest";
import { failureMessages } from "../../src/island/failure-messages.ts";
import { DEFAULT_MESSAGES } from "../../src/messages/default-messages.ts";
import { fetchToken } from "../../src/island/fetch-token.ts";
import type { HelpdeskyMode } from "../../src/mode.ts";
import { tokenOutcome } from "../../src/token-response.ts";
import { TOKEN_PATH } from "./msw/handlers.ts";
import { server } from "./msw/server.ts";

// The token endpoint's contract table in the integration's README, held to the code: each row's
// status and body come out of the endpoint's logic in the situation the row describes, and the
// island shows the row's words.

interface Row {
  method: string;
  status: number;
  body: string;
  shows: string;
}

function contractRows(): Row[] {
  const readme = readFileSync("packages/astro-helpdesky/README.md", "utf8");
  const section = readme.split("### The token endpoint's contract")[1]?.split(/\n#{2,3} /)[0] ?? "";
  return section
    .split("\n")
    .filter((line) => /^\| (`[A-Z]+`|any other) \|/.test(line))
    .map((line) => {
      const cells = line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim());
      return {
        method: cells[0]!.replaceAll("`", ""),
        status: Number(cells[1]!.replaceAll("`", "")),
        body: cells[2]!,
        shows: cells[4]!.replace(/^"|"$/g, ""),
      };
    });
}

const live: HelpdeskyMode = {
  kind: "live",
  secret: "hdh_secret_contract",
  helpdeskId: "hd_1",
  scriptUrl: "https://helpdesky.io/ticket-center.js",
  notes: [],
};
const unconfigured: HelpdeskyMode = {
  kind: "unconfigured",
  missing: ["HELPDESKY_HMAC_SECRET"],
  notes: [],
};
const ada = { email: "ada@example.com" };

/** The situation each documented error describes. */
const situations: Record<string, Parameters<typeof tokenOutcome>> = {
  unauthenticated: [null, false, live],
  unsignable_email: [{ email: "ada@example.com\n" }, false, live],
  helpdesky_not_configured: [ada, false, unconfigured],
  demo_auth_disabled: [ada, true, live],
};

/** What the island shows for each failure, in English. */
const FAILURE_MESSAGES = failureMessages(DEFAULT_MESSAGES.ticketCenter);

const rows = contractRows();
const errorRows = rows.filter((row) => row.method === "GET" && row.status !== 200);

describe("the token endpoint's contract table", () => {
  test("documents every answer the endpoint gives, and no other", () => {
    expect(rows.map((row) => `${row.method} ${row.status}`)).toEqual([
      "GET 200",
      "GET 401",
      "GET 422",
      "GET 503",
      "GET 503",
      "any other 405",
    ]);
    const documented = errorRows.map((row) => /"error": "([a-z_]+)"/.exec(row.body)?.[1]);
    expect(documented.sort()).toEqual(Object.keys(situations).sort());
  });

  test("the 200 body has the fields the table names", async () => {
    const outcome = await tokenOutcome(ada, false, live);
    expect(outcome.status).toBe(200);
    const fields = /\{ (.+) \}/.exec(rows[0]!.body)![1]!.split(", ");
    expect(Object.keys(outcome.body).sort()).toEqual(fields.sort());
  });

  test.each(errorRows.map((row) => [row.status, row] as const))(
    "%i: status, body and what the island shows",
    async (_status, row) => {
      const error = /"error": "([a-z_]+)"/.exec(row.body)![1]!;
      const outcome = await tokenOutcome(...situations[error]!);
      expect(outcome).toMatchObject({ status: row.status, body: { error } });

      server.use(
        http.get(TOKEN_PATH, () => HttpResponse.json(outcome.body, { status: outcome.status })),
      );
      const result = await fetchToken("/api/helpdesky-token", {
        timeoutMs: 5_000,
        signal: new AbortController().signal,
      });
      if (row.status === 401) {
        expect(result).toEqual({ kind: "unauthenticated" });
        expect(row.shows).toMatch(/Contact Form/);
      } else {
        expect(result.kind).toBe("failed");
        const failure = result.kind === "failed" ? result.failure : "server";
        expect(FAILURE_MESSAGES[failure].text).toBe(row.shows);
      }
    },
  );
});
