import { execFileSync } from "node:child_process";
import { startServer } from "./support/server.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** Same environment as the shared server; specs use it to start servers of their own. */
export const SHARED_SERVER_ENV = {
  HELPDESKY_STANDIN: "1",
  SESSION_SECRET: "e2e-session-key-not-a-real-one",
  // Every spec posts from 127.0.0.1; the default of 10 a minute is tested on a server of its own.
  CONTACT_RATE_LIMIT: "100",
};

function build(env: Record<string, string | undefined>) {
  execFileSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * Builds once for the whole suite: first the Vercel output (checked by vercel-output.spec.ts),
 * then the Node build, whose production server every spec shares. E2E_SKIP_BUILD=1 reuses both.
 */
export default async function globalSetup() {
  if (process.env.E2E_SKIP_BUILD !== "1") {
    // Built as a stand-in deployment is, so /support preloads the stand-in's script.
    build({ VERCEL: "1", HELPDESKY_STANDIN: "1" });
    build({ VERCEL: undefined, HELPDESKY_STANDIN: "1" });
  }
  const server = await startServer(SHARED_SERVER_ENV);
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_DATA_DIR = server.dataDir;
  return async () => {
    await server.stop();
  };
}
