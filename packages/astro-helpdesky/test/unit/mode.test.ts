import { describe, expect, test } from "vitest";
import {
  DEFAULT_SCRIPT_URL,
  resolveHelpdeskyMode,
  STANDIN_HELPDESK_ID,
  STANDIN_SCRIPT_PATH,
  type HelpdeskyEnv,
} from "../../src/mode.ts";

const REAL = { HELPDESKY_HMAC_SECRET: "hdh_secret_live_example", HELPDESKY_HELPDESK_ID: "hd_42" };
const resolve = (env: HelpdeskyEnv, dev = false) =>
  resolveHelpdeskyMode(env, { dev, randomSecret: () => "random-per-process" });

describe("resolveHelpdeskyMode", () => {
  test("real credentials give live mode with the default script", () => {
    expect(resolve(REAL)).toEqual({
      kind: "live",
      secret: "hdh_secret_live_example",
      helpdeskId: "hd_42",
      scriptUrl: DEFAULT_SCRIPT_URL,
      notes: [],
    });
  });

  test.each([
    ["HELPDESKY_STANDIN=1", { HELPDESKY_STANDIN: "1" }, false],
    ["astro dev", {}, true],
  ])(
    "real credentials win over %s: stand-in mode can never be on beside them",
    (_label, extra, dev) => {
      const mode = resolve({ ...REAL, ...extra }, dev);
      expect(mode.kind).toBe("live");
    },
  );

  test("HELPDESKY_STANDIN beside real credentials is reported as ignored", () => {
    expect(resolve({ ...REAL, HELPDESKY_STANDIN: "1" }).notes).toEqual([
      "HELPDESKY_STANDIN is ignored: real Helpdesky credentials are set.",
    ]);
  });

  test.each([
    ["HELPDESKY_STANDIN=1", { HELPDESKY_STANDIN: "1" }, false],
    ["HELPDESKY_STANDIN=true", { HELPDESKY_STANDIN: "true" }, false],
    ["astro dev", {}, true],
  ])("no credentials and %s give stand-in mode with a per-process secret", (_label, env, dev) => {
    expect(resolve(env, dev)).toMatchObject({
      kind: "standin",
      secret: "random-per-process",
      helpdeskId: STANDIN_HELPDESK_ID,
      scriptUrl: STANDIN_SCRIPT_PATH,
    });
  });

  test.each([
    ["nothing set", {}, ["HELPDESKY_HMAC_SECRET", "HELPDESKY_HELPDESK_ID"]],
    [
      "HELPDESKY_STANDIN=0",
      { HELPDESKY_STANDIN: "0" },
      ["HELPDESKY_HMAC_SECRET", "HELPDESKY_HELPDESK_ID"],
    ],
    ["only the secret", { HELPDESKY_HMAC_SECRET: "hdh_secret_x" }, ["HELPDESKY_HELPDESK_ID"]],
    ["only the helpdesk id", { HELPDESKY_HELPDESK_ID: "hd_1" }, ["HELPDESKY_HMAC_SECRET"]],
    [
      "a secret of spaces",
      { HELPDESKY_HMAC_SECRET: "   ", HELPDESKY_HELPDESK_ID: "hd_1" },
      ["HELPDESKY_HMAC_SECRET"],
    ],
  ])(
    "a production server with %s is unconfigured and names what is missing",
    (_label, env, missing) => {
      expect(resolve(env)).toEqual({ kind: "unconfigured", missing, notes: [] });
    },
  );

  test.each([
    ["astro dev", { HELPDESKY_HMAC_SECRET: "hdh_secret_x" }, true, "HELPDESKY_HELPDESK_ID"],
    [
      "HELPDESKY_STANDIN=1",
      { HELPDESKY_HELPDESK_ID: "hd_1", HELPDESKY_STANDIN: "1" },
      false,
      "HELPDESKY_HMAC_SECRET",
    ],
  ])(
    "half-configured credentials never fall back to the stand-in (%s), and the log says why",
    (_label, env, dev, missing) => {
      expect(resolve(env, dev)).toEqual({
        kind: "unconfigured",
        missing: [missing],
        notes: [
          `Stand-in mode is off because one Helpdesky credential is set; set ${missing} as well for live mode, or remove both for the stand-in.`,
        ],
      });
    },
  );

  test("whitespace around the secret is stripped and reported without the value", () => {
    const mode = resolve({ ...REAL, HELPDESKY_HMAC_SECRET: "  hdh_secret_live_example\n" });
    expect(mode).toMatchObject({ kind: "live", secret: "hdh_secret_live_example" });
    expect(mode.notes).toEqual([
      "HELPDESKY_HMAC_SECRET had leading or trailing whitespace; it was stripped.",
    ]);
    expect(mode.notes.join(" ")).not.toContain("hdh_secret_live_example");
  });

  test("a script URL override is used as given", () => {
    expect(resolve({ ...REAL, HELPDESKY_SCRIPT_URL: "https://cdn.example/tc.js" })).toMatchObject({
      scriptUrl: "https://cdn.example/tc.js",
    });
  });

  test("an unreadable HELPDESKY_STANDIN value keeps stand-in mode off and says so", () => {
    const mode = resolve({ HELPDESKY_STANDIN: "maybe" });
    expect(mode.kind).toBe("unconfigured");
    expect(mode.notes[0]).toContain('HELPDESKY_STANDIN="maybe" is not understood');
  });
});
