import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// Real `astro build`s of test/fixtures/leak-guard, one per way of exposing the secret, plus clean
// builds on both adapters. The builds run in parallel in beforeAll; the tests read their results.
const ROOT = new URL("../../", import.meta.url).pathname;
const FIXTURE = "test/fixtures/leak-guard";
const CANARY = "hdh_secret_canary_0d5f3a9c1e7b";

interface BuildResult {
  status: number | null;
  log: string;
}

function build(name: string, env: Record<string, string>): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["node_modules/astro/bin/astro.mjs", "build", "--root", FIXTURE, "--outDir", `out/${name}`],
      {
        cwd: ROOT,
        // Only what a build needs: no Helpdesky variables from the developer's shell leak in.
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          ASTRO_TELEMETRY_DISABLED: "1",
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, log }));
  });
}

const envDir = mkdtempSync(join(tmpdir(), "helpdesky-env-"));
const results: Record<string, BuildResult> = {};

beforeAll(async () => {
  // The secret comes from .env here, and two client-visible copies from .env.production and the
  // environment: the guard must read the files the way Vite does.
  writeFileSync(join(envDir, ".env"), `HELPDESKY_HMAC_SECRET=${CANARY}\n`);
  writeFileSync(join(envDir, ".env.production"), `VITE_HELPDESKY_HMAC_SECRET=${CANARY}\n`);
  const jobs: Record<string, () => Promise<BuildResult>> = {
    clean: () => build("clean", { HELPDESKY_HMAC_SECRET: CANARY }),
    // Whitespace around the secret: the trimmed value is what gets copied around.
    client: () =>
      build("client", {
        HELPDESKY_HMAC_SECRET: `  ${CANARY}\n`,
        PUBLIC_FIXTURE_COPY: CANARY,
        FIXTURE_LEAKS: "client",
      }),
    html: () => build("html", { HELPDESKY_HMAC_SECRET: CANARY, FIXTURE_LEAKS: "html" }),
    server: () => build("server", { HELPDESKY_HMAC_SECRET: CANARY, FIXTURE_LEAKS: "server" }),
    copies: () =>
      build("copies", { FIXTURE_ENV_DIR: envDir, NEXT_PUBLIC_HELPDESKY_SECRET: "anything" }),
    // Both Vercel builds write the fixture's one .vercel/output, so they run in one job, in turn.
    vercel: async () => {
      results.vercelClean = await build("vercel-clean", {
        VERCEL: "1",
        HELPDESKY_HMAC_SECRET: CANARY,
      });
      return build("vercel-server", {
        VERCEL: "1",
        HELPDESKY_HMAC_SECRET: CANARY,
        FIXTURE_LEAKS: "server",
      });
    },
  };
  // Two builds at a time: more only slows each one down on a small machine.
  const queue = Object.entries(jobs);
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) results[job[0]] = await job[1]();
  };
  await Promise.all([worker(), worker()]);
  results.vercelServer = results.vercel;
}, 300_000);

afterAll(() => {
  rmSync(envDir, { recursive: true, force: true });
  for (const dir of ["out", ".vercel", ".astro"])
    rmSync(join(ROOT, FIXTURE, dir), { recursive: true, force: true });
});

/** The guard's error lines, without timestamps. */
function problems(result: BuildResult): string[] {
  return result.log
    .split("\n")
    .filter(
      (line) =>
        line.includes("[ERROR] [helpdesky:leak-guard]") && !line.includes("unhandled error"),
    )
    .map((line) => line.replace(/^.*\[helpdesky:leak-guard\] /, ""));
}

describe("leak guard in real builds", () => {
  // Paths in the guard's messages are relative to the project root, here the fixture.
  test("passes a clean build with the secret set, on the Node and the Vercel adapter", () => {
    for (const result of [results.clean, results.vercelClean]) {
      expect(result.status, result.log).toBe(0);
      expect(result.log).toContain("Leak guard: HELPDESKY_HMAC_SECRET appears in no built file.");
    }
  });

  test("fails when the (trimmed) value is in client JavaScript", () => {
    expect(results.client.status).not.toBe(0);
    // Astro inlines a small script into the page, and its server manifest keeps a copy of it.
    expect(problems(results.client)).toEqual([
      `HELPDESKY_HMAC_SECRET's value is in a file browsers can download: out/client/client/client/index.html`,
      `HELPDESKY_HMAC_SECRET's value is baked into the server bundle: out/client/server/entry.mjs. Read it at run time from astro:env/server (not import.meta.env), so a build never embeds it.`,
    ]);
    expect(results.client.log).toMatch(
      /Helpdesky leak guard: the build exposes HELPDESKY_HMAC_SECRET \(2 problems, listed above\)/,
    );
  });

  test("fails when the value is rendered into prerendered HTML", () => {
    expect(results.html.status).not.toBe(0);
    expect(problems(results.html)).toEqual([
      `HELPDESKY_HMAC_SECRET's value is in a file browsers can download: out/html/client/html/index.html`,
    ]);
  });

  test("fails when the value is baked into the Node server bundle", () => {
    expect(results.server.status).not.toBe(0);
    const found = problems(results.server);
    expect(found.length).toBeGreaterThan(0);
    for (const line of found) {
      expect(line).toMatch(
        new RegExp(
          `^HELPDESKY_HMAC_SECRET's value is baked into the server bundle: out/server/server/\\S+\\.mjs\\. Read it at run time from astro:env/server`,
        ),
      );
    }
  });

  test("fails when the value is baked into the Vercel function, and names its files", () => {
    expect(results.vercelServer.status).not.toBe(0);
    const files = problems(results.vercelServer).map(
      (line) => /server bundle: (\S+?)\.? Read/.exec(line)?.[1],
    );
    expect(files.some((file) => file?.startsWith(`.vercel/output/functions/_render.func/`))).toBe(
      true,
    );
    expect(
      problems(results.vercelServer).every((line) => line.includes("baked into the server bundle")),
    ).toBe(true);
  });

  test("fails on client-visible copies of the variable, naming each and its rename", () => {
    expect(results.copies.status).not.toBe(0);
    expect(problems(results.copies)).toEqual([
      "NEXT_PUBLIC_HELPDESKY_SECRET (from the environment) is a client-visible copy of the Helpdesky secret: rename it to HELPDESKY_HMAC_SECRET and read it on the server from astro:env/server.",
      "VITE_HELPDESKY_HMAC_SECRET (from .env.production) is a client-visible copy of the Helpdesky secret: rename it to HELPDESKY_HMAC_SECRET and read it on the server from astro:env/server.",
    ]);
  });

  test("never prints the secret", () => {
    expect(Object.keys(results)).toHaveLength(8);
    for (const [name, result] of Object.entries(results))
      expect(result.log, name).not.toContain("canary_0d5f");
  });
});
