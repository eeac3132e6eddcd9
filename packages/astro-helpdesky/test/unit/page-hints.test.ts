import { describe, expect, test } from "vitest";
import type { EnvEntry } from "../../src/guards/load-env.ts";
import { DEFAULT_SCRIPT_URL, STANDIN_SCRIPT_PATH } from "../../src/mode.ts";
import { pageHintsPlugin, scriptPreloadUrl, underBase } from "../../src/page-hints.ts";

/** A Vite hook in its object form: Vite calls `handler` only for ids `filter.id` matches. */
interface FilteredHook<Handler> {
  filter: { id: RegExp };
  handler: Handler;
}

function env(values: Record<string, string>): Map<string, EnvEntry> {
  return new Map(
    Object.entries(values).map(([name, value]) => [name, { value, source: "the environment" }]),
  );
}

const LIVE = {
  HELPDESKY_HMAC_SECRET: "hdh_secret_0123456789abcdef",
  HELPDESKY_HELPDESK_ID: "acme",
};

describe("scriptPreloadUrl: what the build tells /support to preload", () => {
  test.each([
    ["real credentials", LIVE, false, DEFAULT_SCRIPT_URL],
    [
      "real credentials and a script URL",
      { ...LIVE, HELPDESKY_SCRIPT_URL: "https://cdn.helpdesky.example/tc.js" },
      false,
      "https://cdn.helpdesky.example/tc.js",
    ],
    [
      "real credentials win over HELPDESKY_STANDIN",
      { ...LIVE, HELPDESKY_STANDIN: "1" },
      false,
      DEFAULT_SCRIPT_URL,
    ],
    ["stand-in mode", { HELPDESKY_STANDIN: "1" }, false, STANDIN_SCRIPT_PATH],
    ["astro dev without credentials", {}, true, STANDIN_SCRIPT_PATH],
    ["nothing set: the build cannot know, so no preload", {}, false, null],
    ["half the credentials", { HELPDESKY_HMAC_SECRET: "hdh_secret_0123456789abcdef" }, false, null],
  ])("%s → %j", (_, values, dev, expected) => {
    expect(scriptPreloadUrl(env(values), { dev })).toBe(expected);
  });
});

describe("underBase: the token URL a page asks for", () => {
  test.each([
    ["/", "/api/helpdesky-token", "/api/helpdesky-token"],
    ["/app", "/api/helpdesky-token", "/app/api/helpdesky-token"],
    ["/app/", "/api/helpdesky-token", "/app/api/helpdesky-token"],
  ])("base %j, route %j → %j", (base, route, url) => {
    expect(underBase(base, route)).toBe(url);
  });
});

describe("virtual:helpdesky/page-hints", () => {
  const hints = {
    tokenUrl: "/api/token",
    scriptPreloadUrl: null,
    signInUrl: "/sign-in",
    signOutUrl: null,
    signedInCookie: "signed_in",
    secret: "hdh_secret_must_not_ship",
  };
  const plugin = pageHintsPlugin(hints);
  const resolveId = plugin.resolveId as unknown as FilteredHook<() => string>;
  const load = plugin.load as unknown as FilteredHook<() => string>;

  test("exports the hints as constants and nothing else", () => {
    expect(resolveId.filter.id.test("virtual:helpdesky/page-hints")).toBe(true);
    const id = resolveId.handler();
    expect(load.filter.id.test(id)).toBe(true);
    expect(load.handler()).toBe(
      'export const tokenUrl = "/api/token";\nexport const scriptPreloadUrl = null;\nexport const signInUrl = "/sign-in";\nexport const signOutUrl = null;\nexport const signedInCookie = "signed_in";\n',
    );
  });

  test.each([
    "./other.ts",
    "virtual:helpdesky/page-hints-extra",
    "x-virtual:helpdesky/page-hints",
    "\0virtual:helpdesky/page-hints",
  ])("resolveId's filter lets Vite skip it for %j", (id) =>
    expect(resolveId.filter.id.test(id)).toBe(false),
  );

  test.each([
    "/src/other.ts",
    "virtual:helpdesky/page-hints",
    "\0virtual:helpdesky/page-hints.ts",
    "\0virtual:other",
  ])("load's filter lets Vite skip it for %j", (id) => expect(load.filter.id.test(id)).toBe(false));
});
