import { expect, test } from "@playwright/test";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./support/server.ts";

// Better Auth as the auth seam, end to end: test/fixtures/better-auth is built and served on
// loopback with real Helpdesky credentials (a canary secret), so the token endpoint refuses demo
// sessions and its signature can be checked here. No network: the verification email goes to a
// file (the fixture's outbox) and the script URL is a path on the fixture itself.
const ROOT = new URL("../../", import.meta.url).pathname;
const FIXTURE = "test/fixtures/better-auth";
const SECRET = "hdh_secret_canary_better_auth_5c1d";
const EMAIL = "Ada.Lovelace@Example.com";
const PASSWORD = "correct horse battery staple";

const workDir = mkdtempSync(join(tmpdir(), "better-auth-e2e-"));
const outbox = join(workDir, "outbox.jsonl");
let server: ChildProcess | undefined;
let log = "";
let base = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  execFileSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--root", FIXTURE], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [`${FIXTURE}/dist/server/entry.mjs`], {
    cwd: ROOT,
    env: {
      ...env,
      HOST: "127.0.0.1",
      PORT: String(port),
      HELPDESKY_HMAC_SECRET: SECRET,
      HELPDESKY_HELPDESK_ID: "hd_better_auth",
      HELPDESKY_SCRIPT_URL: "/ticket-center-not-loaded-in-tests.js",
      HELPDESKY_DATA_DIR: workDir,
      BETTER_AUTH_URL: base,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
      FIXTURE_OUTBOX: outbox,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => (log += chunk));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The fixture server exited early:\n${log}`);
    try {
      await fetch(base, { redirect: "manual" });
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`The fixture server did not answer in 20 s:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(workDir, { recursive: true, force: true });
  // The build's output too, or the project's type check would read it.
  for (const dir of ["dist", ".astro", "node_modules"])
    rmSync(join(ROOT, FIXTURE, dir), { recursive: true, force: true });
});

/** A call to Better Auth's own API, as its browser client makes it. */
function authApi(path: string, body: unknown, cookie?: string) {
  return fetch(`${base}/api/auth${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Origin: base,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(body),
  });
}

/**
 * Every cookie Better Auth set in a response, as one `Cookie` header (the session token, and any
 * cached session data), after checking that the session token is among them.
 */
function sessionCookie(response: Response): string {
  const cookies = response.headers.getSetCookie().map((line) => line.split(";")[0]!);
  expect(
    cookies.some((cookie) => /^(__Secure-)?better-auth\.session_token=/.test(cookie)),
    "session cookie",
  ).toBe(true);
  return cookies.join("; ");
}

const token = (cookie: string) =>
  fetch(`${base}/api/helpdesky-token`, { headers: { Cookie: cookie } });

/** The verification links the fixture's mailer delivered, per recipient. */
function deliveredLinks(to: string): string[] {
  if (!existsSync(outbox)) return [];
  return readFileSync(outbox, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { to: string; link: string })
    .filter((message) => message.to === to)
    .map((message) => message.link);
}

let storedEmail = "";
let unverifiedCookie = "";
let verifiedCookie = "";

test("sign-up signs in an unverified user: no token, and /support says why and offers the Contact Form", async ({
  page,
}) => {
  const signUp = await authApi("/sign-up/email", { name: "Ada", email: EMAIL, password: PASSWORD });
  expect(signUp.status, await signUp.clone().text()).toBe(200);
  storedEmail = (await signUp.json()).user.email;
  // Better Auth lower-cases emails: this, not what was typed, is the address Helpdesky must know.
  expect(storedEmail).toBe("ada.lovelace@example.com");
  unverifiedCookie = sessionCookie(signUp);

  const refused = await token(unverifiedCookie);
  expect(refused.status).toBe(401);
  expect(await refused.json()).toEqual({ error: "unauthenticated" });

  await page.context().addCookies(
    unverifiedCookie.split("; ").map((cookie) => {
      const split = cookie.indexOf("=");
      return { name: cookie.slice(0, split), value: cookie.slice(split + 1), url: base };
    }),
  );
  await page.goto(`${base}/support`);
  await expect(page.getByRole("status").filter({ hasText: "is not verified yet" })).toContainText(
    `Your email address ${storedEmail} is not verified yet`,
  );
  await expect(page.getByRole("heading", { name: "Send us a message" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send message" })).toBeVisible();
});

test("the link from Better Auth's verification email verifies the address; then the token signs exactly it", async () => {
  const links = deliveredLinks(storedEmail);
  expect(links).toHaveLength(1);
  expect(new URL(links[0]!).origin).toBe(base);
  const verify = await fetch(links[0]!, { redirect: "manual" });
  expect(verify.status, await verify.clone().text()).toBeLessThan(400);

  const signIn = await authApi("/sign-in/email", { email: EMAIL, password: PASSWORD });
  expect(signIn.status, await signIn.clone().text()).toBe(200);
  verifiedCookie = sessionCookie(signIn);

  const response = await token(verifiedCookie);
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.email).toBe(storedEmail);
  expect(body.signature).toBe(
    createHmac("sha256", SECRET).update(storedEmail, "utf8").digest("hex"),
  );
  expect(body.helpdeskId).toBe("hd_better_auth");
});

test("sign-out revokes the session on the server: the old cookie gets 401", async () => {
  expect((await token(verifiedCookie)).status).toBe(200);
  // As the Ticket Center's Sign out button posts it, to the fixture's /sign-out.
  const signOut = await fetch(`${base}/sign-out`, {
    method: "POST",
    headers: {
      Origin: base,
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: verifiedCookie,
    },
    body: "",
    redirect: "manual",
  });
  expect(signOut.status, await signOut.clone().text()).toBe(303);
  expect(signOut.headers.get("location")).toBe("/support");
  expect(
    signOut.headers.getSetCookie().some((line) => /better-auth\.session_token=;/.test(line)),
  ).toBe(true);
  // The old cookies, replayed as an attacker who copied them would.
  const replayed = await token(verifiedCookie);
  expect(replayed.status).toBe(401);
  expect(await replayed.json()).toEqual({ error: "unauthenticated" });
});
