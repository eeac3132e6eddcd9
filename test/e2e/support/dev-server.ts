import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, stopServerProcess, type RunningServer } from "./server.ts";

const ROOT = new URL("../../../", import.meta.url).pathname;

/**
 * Starts `astro dev` on loopback, the README's first command, with nothing configured (stand-in
 * mode), and waits until its first page has been compiled and served.
 */
export async function startDevServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "helpdesky-dev-"));
  const env: Record<string, string | undefined> = {
    ...process.env,
    HELPDESKY_DATA_DIR: dataDir,
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  // Nothing of the runner's own configuration: no real credentials, mail server or shared store.
  for (const name of Object.keys(env)) {
    if (
      /^(HELPDESKY_(?!DATA_DIR)|CONTACT_|SMTP_|SUPPORT_EMAIL$|SESSION_SECRET$|REDIS_URL$|KV_URL$|TRUSTED_PROXY_)/.test(
        name,
      )
    )
      delete env[name];
  }
  const child = spawn(
    process.execPath,
    ["node_modules/astro/bin/astro.mjs", "dev", "--host", "127.0.0.1", "--port", String(port)],
    {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev exited early:\n${log}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`astro dev did not answer in 60 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    pid: child.pid!,
    dataDir,
    output: () => log,
    stop: () => stopServerProcess(child, dataDir),
  };
}
