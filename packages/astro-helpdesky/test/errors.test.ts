import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";
import { AstroError } from "astro/errors";
import { afterAll, describe, expect, test, vi } from "vitest";
import helpdesky from "../src/index.ts";
import { parseHelpdeskyOptions } from "../src/options.ts";

// Setup problems surface the way Astro's own adapters report them: an AstroError whose hint says
// what to change, which Astro prints under the message.

type ConfigSetup = (context: unknown) => void;

/** A project folder with no .env files: the hook reads only what a test puts in process.env. */
const root = mkdtempSync(join(tmpdir(), "helpdesky-errors-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the integration's `astro:config:setup` as `astro <command>` would, with the given integrations and host. */
function setup({
  integrations = ["@astrojs/react"],
  command = "build",
  host,
}: {
  integrations?: string[];
  command?: "dev" | "build";
  host?: string | boolean;
}) {
  const integration: AstroIntegration = helpdesky();
  const hook = integration.hooks["astro:config:setup"] as ConfigSetup;
  hook({
    config: {
      root: pathToFileURL(`${root}/`),
      base: "/",
      vite: {},
      server: { host },
      security: { csp: false },
      // helpdesky() first: Astro resolves the whole list before it runs the first hook.
      integrations: [integration, ...integrations.map((name) => ({ name, hooks: {} }))],
    },
    command,
    updateConfig: vi.fn(),
    injectRoute: vi.fn(),
    addMiddleware: vi.fn(),
    logger: { warn: vi.fn(), info: vi.fn(), debug: vi.fn(), error: vi.fn() },
  });
}

/** The error `run` throws; fails the test if it throws none. */
function thrown(run: () => unknown): AstroError {
  try {
    run();
  } catch (error) {
    if (error instanceof AstroError) return error;
    throw error;
  }
  throw new Error("expected an AstroError, nothing was thrown");
}

describe("invalid options", () => {
  test.each([
    [{ tokenRoute: "api/token" }, /`tokenRoute` must be a path that starts with `\/`/],
    [{ signInUrl: "javascript:alert(1)" }, /`signInUrl`/],
    [{ tokenroute: "/api/token" }, /tokenroute/],
  ])("%j: an AstroError naming the field, with a hint to fix the call", (input, message) => {
    const error = thrown(() => parseHelpdeskyOptions(input));
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(/helpdesky\(\{ … \}\)` call in astro\.config\.mjs/);
  });

  test("helpdesky() itself throws it, before Astro runs a hook", () => {
    expect(() => helpdesky({ preloadScript: "yes" } as never)).toThrow(AstroError);
  });
});

describe("a missing @astrojs/react integration", () => {
  test("fails the setup with a hint to add react()", () => {
    const error = thrown(() => setup({ integrations: ["@astrojs/node"] }));
    expect(error.message).toMatch(/needs the @astrojs\/react integration/);
    expect(error.hint).toMatch(/npx astro add react/);
  });

  test("react() listed after helpdesky() is found", () => {
    expect(() => setup({ integrations: ["@astrojs/react"] })).not.toThrow();
  });
});

describe("the stand-in on a reachable address under astro dev", () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  test.each([
    ["--host", true],
    ["--host 0.0.0.0", "0.0.0.0"],
    ["--host 192.168.1.20", "192.168.1.20"],
  ])("%s without credentials: refused with an AstroError and a hint", (_, host) => {
    for (const name of Object.keys(process.env))
      if (name.startsWith("HELPDESKY_")) delete process.env[name];
    const error = thrown(() => setup({ command: "dev", host }));
    expect(error.message).toMatch(/Stand-in mode refuses to serve on/);
    expect(error.hint).toMatch(/without `--host`.*HELPDESKY_STANDIN_ALLOW_REMOTE=1/);
  });

  test("on localhost it starts", () => {
    for (const name of Object.keys(process.env))
      if (name.startsWith("HELPDESKY_")) delete process.env[name];
    expect(() => setup({ command: "dev", host: undefined })).not.toThrow();
  });
});
