import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { build } from "astro";

/**
 * One fixture site of `test/fixtures/`, built with Astro's programmatic `build()` into its own
 * `dist/`, its pages readable and its server startable. The way the sitemap integration's tests
 * treat their fixtures: build once, then read what a visitor would get.
 */
export interface Scenario {
  /** The built page at `path` (as a browser asks for it, `base` included), from `dist/client`. */
  page(path: string): string;
  /** A file of the client build at `path` (`base` included), or `null` when there is none. */
  asset(path: string): string | null;
  /**
   * Starts the built Node server on 127.0.0.1, in stand-in mode unless `env` says otherwise;
   * `stop()` it in an `afterAll`.
   */
  start(env?: Record<string, string>): Promise<RunningServer>;
  /** Removes what the build wrote. */
  clean(): void;
}

export interface RunningServer {
  origin: string;
  /** What the server wrote to stderr so far (its warnings and errors), up to the last 1 MB. */
  log(): string;
  stop(): Promise<void>;
}

/** Helpdesky's variables, cleared for a build so that the developer's shell cannot change it. */
const OWN_VARIABLES = /^(HELPDESKY_|REDIS_URL$|KV_URL$|CONTACT_)/;

export async function buildScenario(
  name: string,
  { base = "/", env = {} }: { base?: string; env?: Record<string, string> } = {},
): Promise<Scenario> {
  const root = fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));
  const clientDir = `${root}dist/client/`;
  const saved = { ...process.env };
  for (const variable of Object.keys(process.env))
    if (OWN_VARIABLES.test(variable)) delete process.env[variable];
  Object.assign(process.env, env, { ASTRO_TELEMETRY_DISABLED: "1" });
  try {
    await build({ root, logLevel: "error" });
  } finally {
    for (const variable of Object.keys(process.env))
      if (!(variable in saved)) delete process.env[variable];
    Object.assign(process.env, saved);
  }

  const underBase = (path: string) => {
    if (!path.startsWith(base)) throw new Error(`${path} is not under the fixture's base ${base}`);
    return path.slice(base.length).replace(/^\/+/, "");
  };
  return {
    page: (path) =>
      readFileSync(`${clientDir}${underBase(path).replace(/\/?$/, "/")}index.html`, "utf8"),
    asset: (path) => {
      const file = `${clientDir}${underBase(path)}`;
      return existsSync(file) ? readFileSync(file, "utf8") : null;
    },
    start: (env) => startBuiltScenario(name, env),
    clean: () => {
      for (const dir of ["dist", ".astro", "node_modules", ".netlify", ".wrangler"])
        rmSync(`${root}${dir}`, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the Node adapter's standalone server of a fixture built before (by `buildScenario`, maybe
 * in another process) on a free loopback port, and resolves once it answers.
 */
export async function startBuiltScenario(
  name: string,
  env: Record<string, string> = { HELPDESKY_STANDIN: "1" },
): Promise<RunningServer> {
  const entry = fileURLToPath(new URL(`./fixtures/${name}/dist/server/entry.mjs`, import.meta.url));
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    // Only what the server needs; by default stand-in mode, so the token route answers as it
    // would on a laptop.
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: String(port),
      ASTRO_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (chunk: Buffer) => (log = (log + chunk).slice(-1_000_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  const origin = `http://127.0.0.1:${port}`;
  // The build's log level is `error`, so the server does not say when it listens: ask until it answers.
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await delay(100)) {
    if (child.exitCode !== null)
      throw new Error(`The server exited (${child.exitCode}) before it listened:\n${log}`);
    const answered = await fetch(origin, { method: "HEAD" }).then(
      () => true,
      () => false,
    );
    if (answered) return { origin, log: () => log, stop };
  }
  await stop();
  throw new Error(`The server did not answer within 30 s:\n${log}`);
}

/** A port nothing listens on right now, from the system. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
