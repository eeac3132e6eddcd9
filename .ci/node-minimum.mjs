// Runs what the README promises on the oldest Node that package.json's `engines` allows: the
// `npm run helpdesky` CLI (the package's compiled bin) and the production server in stand-in
// mode, down to the stand-in's SQLite store. Usage: node .ci/node-minimum.mjs <path to that node>
// after `npm test` has built dist/.
import { execFileSync, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const node = process.argv[2];
if (!node) throw new Error("Usage: node .ci/node-minimum.mjs <node binary>");
const root = new URL("../", import.meta.url).pathname;
const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
const check = (ok, what) => {
  if (!ok) throw new Error(`Node ${version}: ${what}`);
  console.log(`Node ${version}: ${what}: ok`);
};

// The CLI signs as the token endpoint does.
const env = {
  ...process.env,
  HELPDESKY_HMAC_SECRET: "hdh_secret_ci_not_real",
  HELPDESKY_HELPDESK_ID: "hd_ci",
};
const signed = execFileSync(
  node,
  ["node_modules/astro-helpdesky/dist/cli.mjs", "sign", "ada@example.com"],
  { cwd: root, env, encoding: "utf8" },
);
const expected = createHmac("sha256", "hdh_secret_ci_not_real")
  .update("ada@example.com")
  .digest("hex");
check(signed.includes(expected), "npm run helpdesky -- sign");

// The production server, in stand-in mode, on loopback.
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), "node-minimum-"));
const server = spawn(node, ["scripts/serve.mjs", "--host", "127.0.0.1", "--port", String(port)], {
  cwd: root,
  env: {
    ...process.env,
    HELPDESKY_STANDIN: "1",
    HELPDESKY_DATA_DIR: dataDir,
    SESSION_SECRET: "ci-session-key",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const base = `http://127.0.0.1:${port}`;
try {
  for (let tries = 0; ; tries++) {
    try {
      await fetch(base);
      break;
    } catch {
      if (tries > 100) throw new Error("the server did not start");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const login = await fetch(`${base}/login`, {
    method: "POST",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "ada@example.com" }),
    redirect: "manual",
  });
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const token = await (await fetch(`${base}/api/helpdesky-token`, { headers: { cookie } })).json();
  check(token.email === "ada@example.com", "the token endpoint signs the session's email");
  const started = await fetch(`${base}/helpdesky-standin/api/conversations`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Helpdesky-Helpdesk-Id": token.helpdeskId,
      "X-Helpdesky-Email": encodeURIComponent(token.email),
      "X-Helpdesky-Signature": token.signature,
    },
    body: JSON.stringify({ subject: "Node minimum", body: "Stored in SQLite." }),
  });
  check(started.status === 201, "the stand-in stores a conversation (node:sqlite)");
} finally {
  server.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}
