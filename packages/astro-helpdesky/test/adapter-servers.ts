import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { RunningServer } from "./scenario.ts";

// The built output of each adapter, run on 127.0.0.1 as its platform runs it: the Cloudflare
// Worker by workerd (`wrangler dev`, offline), the Netlify function's handler in Node.

const WRANGLER = fileURLToPath(import.meta.resolve("wrangler/package.json")).replace(
  /package\.json$/,
  "bin/wrangler.js",
);
const NETLIFY_DRIVER = fileURLToPath(new URL("./netlify-function-server.mjs", import.meta.url));

export interface AdapterServer extends RunningServer {
  /** What the server wrote to stderr and stdout, the last 20 KB. */
  log(): string;
}

/** Runs the Cloudflare fixture's built Worker in workerd, with `vars` as its secrets. */
export async function startWorkerd(
  root: string,
  vars: Record<string, string>,
): Promise<AdapterServer> {
  const port = await freePort();
  // Secrets reach the Worker as bindings from an env file, as `.dev.vars` would give them.
  const dir = mkdtempSync(join(tmpdir(), "helpdesky-workerd-"));
  const envFile = join(dir, "vars.env");
  writeFileSync(
    envFile,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join("\n"),
  );
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      "dev",
      "--config",
      join(root, "dist/server/wrangler.json"),
      "--env-file",
      envFile,
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      // Its own local state (KV, logs): two Workers sharing one folder lock each other's SQLite.
      "--persist-to",
      join(dir, "state"),
      "--inspector-port",
      String(await freePort()),
      "--show-interactive-dev-session=false",
      "--log-level",
      "log",
    ],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: dir,
        // Offline: no `Request.cf` download, no metrics, no update check.
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        WRANGLER_SEND_METRICS: "false",
        WRANGLER_LOG_PATH: dir,
        CI: "1",
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return served(child, `http://127.0.0.1:${port}`, () =>
    rmSync(dir, { recursive: true, force: true }),
  );
}

/** Runs the Netlify fixture's built function in Node, with `env` as its environment. */
export async function startNetlifyFunction(
  root: string,
  env: Record<string, string>,
): Promise<AdapterServer> {
  const port = await freePort();
  const functionDir = join(root, ".netlify/v1/functions/ssr");
  const child = spawn(
    process.execPath,
    [NETLIFY_DRIVER, join(functionDir, "ssr.mjs"), String(port)],
    {
      cwd: functionDir,
      env: { PATH: process.env.PATH ?? "", ...env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return served(child, `http://127.0.0.1:${port}`);
}

/** Resolves once the child answers at `origin`; its `stop` ends its whole process group. */
async function served(
  child: ChildProcess,
  origin: string,
  cleanUp: () => void = () => {},
): Promise<AdapterServer> {
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      // wrangler starts workerd as a child of its own: end the group this test started.
      process.kill(-child.pid, "SIGTERM");
    }
    await exited;
    cleanUp();
  };
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await delay(200)) {
    if (child.exitCode !== null) {
      cleanUp();
      throw new Error(`The server exited (${child.exitCode}) before it answered:\n${output}`);
    }
    const answered = await fetch(`${origin}/support/`, { method: "HEAD" }).then(
      (response) => response.status < 500,
      () => false,
    );
    if (answered) return { origin, stop, log: () => output };
  }
  await stop();
  throw new Error(`The server did not answer within 60 s:\n${output}`);
}

export interface WebhookReceiver {
  url: string;
  /** The requests received so far: headers and raw body. */
  received: { headers: Record<string, string>; body: string }[];
  stop(): Promise<void>;
}

/** A webhook endpoint on 127.0.0.1 that records what it receives and answers 200. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookReceiver["received"] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === "string") headers[name] = value;
      received.push({ headers, body });
      response.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/contact-hook`,
    received,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on right now, from the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
