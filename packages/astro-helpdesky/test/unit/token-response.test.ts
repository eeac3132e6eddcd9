import { describe, expect, test } from "vitest";
import type { HelpdeskyMode } from "../../src/mode.ts";
import { tokenOutcome } from "../../src/token-response.ts";

const live: HelpdeskyMode = {
  kind: "live",
  secret: "hdh_secret_test_0123456789abcdef",
  helpdeskId: "hd_42",
  scriptUrl: "https://helpdesky.io/ticket-center.js",
  notes: [],
};
const standin: HelpdeskyMode = {
  ...live,
  kind: "standin",
  helpdeskId: "local-standin",
  scriptUrl: "/helpdesky-standin/ticket-center.js",
};
const unconfigured: HelpdeskyMode = {
  kind: "unconfigured",
  missing: ["HELPDESKY_HMAC_SECRET"],
  notes: [],
};
const ada = { email: "ada@example.com" };

describe("tokenOutcome", () => {
  test("signs the session's email for a real auth session", async () => {
    expect(await tokenOutcome(ada, false, live)).toEqual({
      status: 200,
      body: {
        helpdeskId: "hd_42",
        email: "ada@example.com",
        // Python: hmac.new(secret, b"ada@example.com", sha256).hexdigest()
        signature: "cdb86f625901a630653d9b1c2d5eb1b4f8ba499b7a631d6ba1ad06fb730d1cf9",
        scriptUrl: "https://helpdesky.io/ticket-center.js",
      },
    });
  });

  test("signs a demo session against the stand-in", async () => {
    expect(await tokenOutcome(ada, true, standin)).toMatchObject({
      status: 200,
      body: { helpdeskId: "local-standin" },
    });
  });

  test("refuses a demo session against real credentials", async () => {
    expect(await tokenOutcome(ada, true, live)).toMatchObject({
      status: 503,
      body: { error: "demo_auth_disabled" },
    });
  });

  test.each([
    ["live", live],
    ["stand-in", standin],
  ])("answers 401 to an anonymous visitor in %s mode", async (_label, mode) => {
    expect(await tokenOutcome(null, false, mode)).toEqual({
      status: 401,
      body: { error: "unauthenticated" },
    });
  });

  test("answers 503 and names the missing variable when unconfigured", async () => {
    const outcome = await tokenOutcome(ada, false, unconfigured);
    expect(outcome).toMatchObject({ status: 503, body: { error: "helpdesky_not_configured" } });
    expect("log" in outcome && outcome.log).toContain("HELPDESKY_HMAC_SECRET");
  });

  test("refuses to sign an email holding a line break, without echoing it", async () => {
    const outcome = await tokenOutcome({ email: "ada@example.com\nx" }, false, live);
    expect(outcome).toMatchObject({ status: 422, body: { error: "unsignable_email" } });
    expect(JSON.stringify(outcome)).not.toContain(live.secret);
  });
});
