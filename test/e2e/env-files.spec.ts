import { expect, test } from "@playwright/test";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./support/server.ts";

// `npm run preview` reads the same .env files as `astro build` and `npm run helpdesky -- doctor`,
// so a person who puts HELPDESKY_STANDIN=1 in .env gets the server doctor describes.

const ROOT = new URL("../../", import.meta.url).pathname;

/** The environment of the test runner, without any Helpdesky or Contact Form setting. */
function cleanEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HELPDESKY_DATA_DIR: dataDir };
  for (const name of Object.keys(env))
    if (/^(HELPDESKY_(?!DATA_DIR)|CONTACT_|SMTP_|SESSION_SECRET)/.test(name)) delete env[name];
  return env;
}

/** Starts the production server from `cwd`, asks for the stand-in's script, and stops it. */
async function standinScriptStatus(
  cwd: string,
  dataDir: string,
  extraArgs: string[] = [],
): Promise<{ status: number; log: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      join(ROOT, "scripts/serve.mjs"),
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--dist",
      join(ROOT, "dist"),
      ...extraArgs,
    ],
    {
      cwd,
      env: cleanEnv(dataDir),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  try {
    for (let tries = 0; ; tries++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/helpdesky-standin/ticket-center.js`);
        return { status: response.status, log };
      } catch {
        if (tries > 200 || child.exitCode !== null)
          throw new Error(`The server did not start:\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

test.describe("the production server and .env files", () => {
  let project: string;
  test.beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), "env-files-"));
    writeFileSync(join(project, ".env"), "HELPDESKY_STANDIN=1\n");
  });
  test.afterAll(() => rmSync(project, { recursive: true, force: true }));

  test("reads HELPDESKY_STANDIN from .env, as doctor does", async () => {
    const { status, log } = await standinScriptStatus(project, project);
    expect(status).toBe(200);
    expect(log).toContain("Read .env");

    const doctor = spawnSync(
      process.execPath,
      [join(ROOT, "packages/astro-helpdesky/src/cli/main.ts"), "doctor"],
      {
        cwd: project,
        env: cleanEnv(project),
        encoding: "utf8",
      },
    );
    expect(doctor.stdout).toMatch(/Stand-in mode/);
  });

  test("--no-env-files leaves them alone", async () => {
    const { status } = await standinScriptStatus(project, project, ["--no-env-files"]);
    expect(status).toBe(404);
  });
});
