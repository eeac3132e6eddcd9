import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../../../", import.meta.url).pathname;

export interface RunningServer {
  url: string;
  dataDir: string;
  /** The server process's id, to read its memory from /proc. */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the production Node server (`scripts/serve.mjs`) on loopback with the given environment,
 * a data folder of its own, and waits until it answers. `dist` serves another Node build.
 */
export async function startServer(
  env: Record<string, string> = {},
  dist?: string,
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "helpdesky-e2e-"));
  const child: ChildProcess = spawn(
    process.execPath,
    // --no-env-files: a developer's own .env must not change what a test runs against.
    [
      "scripts/serve.mjs",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--no-env-files",
      ...(dist ? ["--dist", dist] : []),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, HELPDESKY_DATA_DIR: dataDir, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${log}`);
    try {
      await fetch(url, { redirect: "manual" });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`The server did not answer in 20 s:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    url,
    dataDir,
    pid: child.pid!,
    output: () => log,
    stop: () => stopServerProcess(child, dataDir),
  };
}

/** Stops a server process the tests started, waiting for it to exit, and removes its data folder. */
export async function stopServerProcess(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
