import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../test/e2e/support/server.ts";

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Runs a Node script as a server on 127.0.0.1 (it gets `--host` and `--port`), waits until it
 * answers, and returns a handle that stops it and removes its data folder.
 */
export async function startNodeServer(
  cwd: string,
  script: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "helpdesky-bench-data-"));
  const child = spawn(process.execPath, [script, "--host", "127.0.0.1", "--port", String(port)], {
    cwd,
    env: { ...process.env, HELPDESKY_DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`${script} exited early:\n${log}`);
    }
    try {
      await fetch(url, { redirect: "manual" });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`${script} did not answer in 20 s:\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { url, output: () => log, stop };
}

/** The production Node server (`scripts/serve.mjs`) of a built copy, in stand-in mode. */
export function startProductionServer(
  copyDir: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  return startNodeServer(copyDir, "scripts/serve.mjs", { HELPDESKY_STANDIN: "1", ...env });
}
