import { execFile, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, test, vi } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../e2e/support/smtp-server.ts";
import { startRedis } from "../e2e/support/redis-server.ts";
import { startRestShim } from "../../packages/astro-helpdesky/test/redis-rest-shim.ts";
import { freePort } from "../e2e/support/server.ts";

// Runs the CLI as users do (`node …/cli/main.ts`) in a temporary site folder with its own .env
// files and a minimal environment, so nothing from the developer's shell gets in.
// Each case starts a Node process; on a busy machine that takes seconds, not milliseconds.
vi.setConfig({ testTimeout: 60_000 });

const MAIN = new URL("../../packages/astro-helpdesky/src/cli/main.ts", import.meta.url).pathname;
const SECRET = "hdh_secret_canary_cli_7f3e9b2a";
const EMAIL = "ada@example.com";
const hmac = (message: string, key = SECRET) =>
  createHmac("sha256", key).update(message).digest("hex");
const SIGNATURE = hmac(EMAIL);

const sites: string[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) rmSync(site, { recursive: true, force: true });
});

function site(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "helpdesky-cli-"));
  sites.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: options.cwd ?? site(),
    env: { PATH: process.env.PATH ?? "", ...options.env },
    encoding: "utf8",
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    all: result.stdout + result.stderr,
  };
}

/** As `cli`, without blocking this process: for commands that talk to a server the test runs. */
function cliAsync(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return new Promise<{ code: number | null; stdout: string; all: string }>((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      {
        cwd: options.cwd ?? site(),
        env: { PATH: process.env.PATH ?? "", ...options.env },
        encoding: "utf8",
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, stdout, all: stdout + stderr }),
    );
  });
}

const smtpServers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(smtpServers.splice(0).map((server) => server.stop()));
});

const configured = { HELPDESKY_HMAC_SECRET: SECRET, HELPDESKY_HELPDESK_ID: "hd_123" };
const DEMO_AUTH = 'import { SESSION_COOKIE, unsealSession } from "./demo-session.ts";\n';
const REAL_AUTH = 'import { auth } from "./better-auth.ts";\n';
// The site's middleware, where Astro sets locals.user: doctor starts from it and follows its imports.
const MIDDLEWARE =
  'import { defineMiddleware } from "astro:middleware";\nimport { getSession } from "./auth/index.ts";\n';
/** A site whose middleware asks src/auth/index.ts (holding `auth`) who is signed in. */
const seam = (auth: string, files: Record<string, string> = {}) => ({
  "src/middleware.ts": MIDDLEWARE,
  "src/auth/index.ts": auth,
  ...files,
});

describe("helpdesky CLI: usage", () => {
  test.each([
    [["--help"], 0, /^Usage: npx helpdesky <command>/],
    [["help"], 0, /Commands:\n  sign <email>/],
    [[], 2, /no command given/],
    [["frob"], 2, /unknown command "frob"/],
    [["sign"], 2, /usage: npx helpdesky sign <email>/],
    [["verify", EMAIL], 2, /usage: npx helpdesky verify <email> <signature>/],
    [["doctor", "extra"], 2, /usage: npx helpdesky doctor/],
    [["doctor", "--nope"], 2, /Unknown option '--nope'/],
    [["doctor", "--mode", "../x"], 2, /--mode must be a simple name/],
  ])("%j exits %i", (args, code, message) => {
    const result = cli(args);
    expect(result.code).toBe(code);
    expect(result.all).toMatch(message);
    expect(result.all).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe("helpdesky CLI: sign", () => {
  test("prints only the signature the token endpoint would produce", () => {
    const result = cli(["sign", EMAIL], { env: configured });
    expect(result).toMatchObject({ code: 0, stdout: `${SIGNATURE}\n`, stderr: "" });
  });

  test.each([
    [".env", {}],
    [".env.production", {}],
    [".env.local", {}],
  ])("reads the secret from %s", (file) => {
    const cwd = site({ [file]: `HELPDESKY_HMAC_SECRET=${SECRET}\nHELPDESKY_HELPDESK_ID=hd_123\n` });
    expect(cli(["sign", EMAIL], { cwd }).stdout).toBe(`${SIGNATURE}\n`);
  });

  test("lets the environment win over .env, and .env.production.local over .env, as Vite does", () => {
    const cwd = site({
      ".env": "HELPDESKY_HMAC_SECRET=hdh_secret_from_dotenv_file\n",
      ".env.production.local": `HELPDESKY_HMAC_SECRET=${SECRET}\n`,
    });
    expect(cli(["sign", EMAIL], { cwd }).stdout).toBe(`${SIGNATURE}\n`);
    expect(
      cli(["sign", EMAIL], { cwd, env: { HELPDESKY_HMAC_SECRET: "hdh_secret_from_environment" } })
        .stdout,
    ).toBe(`${hmac(EMAIL, "hdh_secret_from_environment")}\n`);
    expect(cli(["sign", EMAIL, "--mode", "development"], { cwd }).stdout).toBe(
      `${hmac(EMAIL, "hdh_secret_from_dotenv_file")}\n`,
    );
  });

  test("trims the secret like the site, and says so", () => {
    const result = cli(["sign", EMAIL], {
      env: { ...configured, HELPDESKY_HMAC_SECRET: `  ${SECRET}\n` },
    });
    expect(result.stdout).toBe(`${SIGNATURE}\n`);
    expect(result.stderr).toMatch(/whitespace around it; it was stripped/);
  });

  test("fails with exit 1 and where it looked when no secret is set", () => {
    const result = cli(["sign", EMAIL]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /HELPDESKY_HMAC_SECRET is not set \(looked in \.env, \.env\.local, \.env\.production, \.env\.production\.local and the environment\)/,
    );
  });

  test("refuses an unsignable email with exit 2", () => {
    const result = cli(["sign", "ada@example.com\nBcc: x@y.z"], { env: configured });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /Cannot sign this email: The email holds a control character or a line break/,
    );
  });
});

describe("helpdesky CLI: verify", () => {
  test("says match and exits 0 for the right signature", () => {
    const result = cli(["verify", EMAIL, SIGNATURE], { env: configured });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✓ Match/);
  });

  test.each([
    [
      "upper-case hex",
      EMAIL,
      SIGNATURE.toUpperCase(),
      /upper-case hex: Helpdesky expects lower-case hex/,
    ],
    [
      "base64",
      EMAIL,
      Buffer.from(SIGNATURE, "hex").toString("base64"),
      /in base64: Helpdesky expects hex/,
    ],
    [
      "whitespace after the secret",
      EMAIL,
      hmac(EMAIL, `${SECRET}\n`),
      /whitespace around the secret/,
    ],
    [
      "whitespace before the secret",
      EMAIL,
      hmac(EMAIL, ` ${SECRET}`),
      /whitespace around the secret/,
    ],
    [
      "the email in lower case",
      "Ada@Example.com",
      hmac("ada@example.com"),
      /for the email in lower case, not for "Ada@Example.com"/,
    ],
    ["the email trimmed", ` ${EMAIL} `, hmac(EMAIL), /for the email without the spaces around it/],
    ["a trailing newline on the email", EMAIL, hmac(`${EMAIL}\n`), /trailing line break/],
    [
      "the helpdesk id",
      EMAIL,
      hmac("hd_123"),
      /made from the helpdesk id \(HELPDESKY_HELPDESK_ID\), not from the email/,
    ],
    ["the local part", EMAIL, hmac("ada"), /made from the part of the email before the @/],
    ["not a digest at all", EMAIL, "abc123", /not 64 hex characters \(got 6 characters\)/],
    [
      "another secret",
      EMAIL,
      hmac(EMAIL, "hdh_secret_another_one"),
      /probably made with another secret/,
    ],
  ])("on a mismatch from %s, names the cause and exits 1", (_label, email, signature, cause) => {
    const result = cli(["verify", email, signature], { env: configured });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✗ Mismatch/);
    expect(result.stdout).toMatch(cause);
  });

  test("compares against the trimmed secret, as the site signs", () => {
    const result = cli(["verify", EMAIL, SIGNATURE], {
      env: { ...configured, HELPDESKY_HMAC_SECRET: ` ${SECRET} ` },
    });
    expect(result.code).toBe(0);
  });
});

describe("helpdesky CLI: webhook-secret", () => {
  test("prints a fresh whsec_ secret of 32 bytes that standardwebhooks accepts", () => {
    const first = cli(["webhook-secret"]);
    const second = cli(["webhook-secret"]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toMatch(/^whsec_[A-Za-z0-9+/]{43}=\n$/);
    expect(Buffer.from(first.stdout.trim().slice(6), "base64")).toHaveLength(32);
    expect(() => new Webhook(first.stdout.trim())).not.toThrow();
    expect(second.stdout).not.toBe(first.stdout);
  });
});

describe("helpdesky CLI: doctor's Redis check", () => {
  test("says the configured Redis answers, naming its host and not its password", async () => {
    const redis = await startRedis();
    try {
      const result = cli(["doctor"], { env: { HELPDESKY_STANDIN: "1", REDIS_URL: redis.url } });
      expect(result.stdout).toMatch(
        /^✓ REDIS_URL \(from the environment\) answers: redis:\/\/127\.0\.0\.1:\d+\.$/m,
      );
      expect(result.all).not.toContain(redis.password);
    } finally {
      await redis.dispose();
    }
  });

  test("checks the store over HTTP when only UPSTASH_REDIS_REST_URL and its token are set", async () => {
    const redis = await startRedis();
    const shim = await startRestShim(redis.url, "doctor-rest-token");
    try {
      const env = {
        HELPDESKY_STANDIN: "1",
        UPSTASH_REDIS_REST_URL: shim.url,
        UPSTASH_REDIS_REST_TOKEN: "doctor-rest-token",
      };
      const ok = await cliAsync(["doctor"], { env });
      expect(ok.stdout).toMatch(
        /^✓ UPSTASH_REDIS_REST_URL answers over HTTP: 127\.0\.0\.1:\d+\.$/m,
      );
      expect(ok.all).not.toContain("doctor-rest-token");
      const refused = await cliAsync(["doctor"], {
        env: { ...env, UPSTASH_REDIS_REST_TOKEN: "a-wrong-token" },
      });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(
        /✗ UPSTASH_REDIS_REST_URL does not answer at 127\.0\.0\.1:\d+ \(HTTP 401\)/,
      );
      expect(refused.all).not.toContain("a-wrong-token");
    } finally {
      await shim.stop();
      await redis.dispose();
    }
  });

  test("fails, with the fix, when nothing answers at KV_URL", async () => {
    const port = await freePort();
    const result = cli(["doctor"], {
      env: { HELPDESKY_STANDIN: "1", KV_URL: `redis://:hunter2@127.0.0.1:${port}` },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `✗ KV_URL \\(from the environment\\) does not answer at redis://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\\.\n  Fix: Check the host`,
      ),
    );
    expect(result.all).not.toContain("hunter2");
  });
});

describe("helpdesky CLI: doctor", () => {
  const lines = (stdout: string) => stdout.split("\n").filter((line) => /^[✓✗]/.test(line));

  test("passes a live configuration with a real auth provider and email delivery, trying the SMTP login", async () => {
    const smtp = await startSmtpServer("accept", {
      user: "site@acme.example",
      pass: "smtp-canary-pa55",
    });
    smtpServers.push(smtp);
    const contact = `SMTP_URL=${smtp.url}\nCONTACT_FROM=Acme Cloud <contact@acme.example>\nSUPPORT_EMAIL=help@acme.example\n`;
    const cwd = site({
      ".env": `HELPDESKY_HMAC_SECRET=${SECRET}\nHELPDESKY_HELPDESK_ID=hd_123\n${contact}`,
      ...seam(REAL_AUTH),
    });
    const result = await cliAsync(["doctor"], { cwd });
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      "✓ HELPDESKY_HMAC_SECRET is set (from .env) and shaped like hdh_secret_….",
      "✓ HELPDESKY_HELPDESK_ID is set (from .env).",
      "✓ Live mode: the site signs users for Helpdesk hd_123; stand-in mode is off.",
      "✓ HELPDESKY_SCRIPT_URL is not set: the script loads from https://helpdesky.io/ticket-center.js.",
      "✓ No client-visible copy of the secret (PUBLIC_, VITE_ or NEXT_PUBLIC_ with HELPDESKY and SECRET in the name).",
      "✓ src/middleware.ts uses your own auth provider, not the demo sign-in.",
      `✓ Email delivery: Contact Form messages go from "Acme Cloud Contact Form" <contact@acme.example> to help@acme.example through 127.0.0.1:${smtp.port}.`,
      `✓ The SMTP server at 127.0.0.1:${smtp.port} accepted the login (nothing was sent).`,
      "✓ No REDIS_URL or KV_URL: the Contact Form's rate limit, duplicate protection and sign-outs live in each server process's memory (right for one Node server, per instance on Vercel).",
    ]);
    expect(result.stdout).toMatch(/All checks passed\.$/m);
    expect(smtp.logins).toEqual([{ username: "site@acme.example", ok: true }]);
    expect(smtp.received).toEqual([]);
    expect(result.all).not.toContain("smtp-canary-pa55");
  });

  test("fails when the SMTP server refuses the login, with its answer and the fix, never the password", async () => {
    const smtp = await startSmtpServer("accept", {
      user: "site@acme.example",
      pass: "the-right-one",
    });
    smtpServers.push(smtp);
    const url = smtp.url.replace("the-right-one", "smtp-canary-wrong");
    const env = {
      HELPDESKY_STANDIN: "1",
      SMTP_URL: url,
      CONTACT_FROM: "contact@acme.example",
      SUPPORT_EMAIL: "help@acme.example",
    };
    const result = await cliAsync(["doctor"], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `✗ The SMTP login at 127\\.0\\.0\\.1:${smtp.port} failed: the SMTP server refused the login: 535 [^\\n]*\\n  Fix: Check SMTP_URL's host, port`,
      ),
    );
    expect(result.all).not.toContain("smtp-canary-wrong");
  });

  test("fails when the SMTP server cannot be reached", async () => {
    const smtp = await startSmtpServer("accept");
    await smtp.stop();
    const env = {
      HELPDESKY_STANDIN: "1",
      SMTP_URL: smtp.url,
      CONTACT_FROM: "contact@acme.example",
      SUPPORT_EMAIL: "help@acme.example",
    };
    const result = await cliAsync(["doctor"], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /✗ The SMTP login at 127\.0\.0\.1:\d+ failed: the SMTP server could not be reached/,
    );
  });

  test("passes a webhook with a whsec_ secret, and says which channel wins when both are set", () => {
    const hook = {
      HELPDESKY_STANDIN: "1",
      CONTACT_WEBHOOK_URL: "https://hooks.example/t0ken",
      CONTACT_WEBHOOK_SECRET: `whsec_${Buffer.alloc(32, 1).toString("base64")}`,
      SUPPORT_EMAIL: "help@acme.example",
    };
    const webhook = cli(["doctor"], { env: hook });
    expect(webhook.code).toBe(0);
    expect(webhook.stdout).toContain(
      "✓ Webhook delivery to https://hooks.example, signed as Standard Webhooks (CONTACT_WEBHOOK_SECRET: 32 bytes).",
    );
    expect(webhook.all).not.toContain("t0ken");
    const both = cli(["doctor"], {
      env: { ...hook, SMTP_URL: "smtp://127.0.0.1:9", CONTACT_FROM: "contact@acme.example" },
    });
    expect(both.stdout).toMatch(
      /✗ SMTP_URL or CONTACT_FROM is set, so the Contact Form delivers by email only[^\n]*\n  Fix: Keep one channel/,
    );
  });

  test("passes stand-in mode with the demo sign-in", () => {
    const cwd = site(seam(DEMO_AUTH));
    const result = cli(["doctor"], { cwd, env: { HELPDESKY_STANDIN: "1" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /✓ Stand-in mode: no Helpdesky credentials.*HELPDESKY_STANDIN is on/,
    );
    expect(result.stdout).toMatch(
      /✓ src\/middleware\.ts \(through src\/auth\/index\.ts\) uses the demo sign-in: fine with the stand-in/,
    );
  });

  const recipe = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

  test.each([
    ["Auth.js (auth-astro)", "src/auth/index.ts", seam(recipe("docs/auth-recipes/authjs.ts"))],
    ["Clerk (@clerk/backend)", "src/auth/index.ts", seam(recipe("docs/auth-recipes/clerk.ts"))],
    [
      "Supabase (@supabase/ssr)",
      "src/auth/index.ts",
      seam(recipe("docs/auth-recipes/supabase.ts")),
    ],
    ["your own auth provider", null, seam(recipe("docs/auth-recipes/lucia-style.ts"))],
    // The seam imports the site's src/lib/auth.ts, which imports better-auth: two levels down.
    [
      "Better Auth (better-auth)",
      "src/lib/auth.ts",
      seam(recipe("test/fixtures/better-auth/src/auth/index.ts"), {
        "src/lib/auth.ts": recipe("test/fixtures/better-auth/src/lib/auth.ts"),
      }),
    ],
  ])("names the active seam, from the middleware: %s", (provider, through, files) => {
    const result = cli(["doctor"], { cwd: site(files), env: configured });
    expect(result.stdout).toContain(
      `✓ src/middleware.ts${through ? ` (through ${through})` : ""} uses ${provider}, not the demo sign-in.`,
    );
    expect(result.stdout).not.toMatch(/^✗ src\//m);
  });

  test.each([
    ["src/middleware/index.ts", "../auth/index.ts"],
    ["src/middleware.js", "./auth/index.js"], // the .js a TypeScript import writes for a .ts file
    ["src/middleware/index.mjs", "../auth/index"],
  ])("finds the middleware at %s and follows %s", (middleware, specifier) => {
    const cwd = site({
      [middleware]: `import { getSession } from "${specifier}";\n`,
      "src/auth/index.ts": DEMO_AUTH,
    });
    const result = cli(["doctor"], { cwd, env: configured });
    expect(result.stdout).toContain(
      `✗ ${middleware} (through src/auth/index.ts) still uses the demo sign-in while real Helpdesky credentials are set`,
    );
    expect(result.stdout).toContain(
      "  Fix: Connect your auth provider in src/auth/index.ts (it must stop importing demo-session.ts)",
    );
  });

  test("follows the site's imports three levels below the middleware, not further", () => {
    const chain = (last: string) => ({
      "src/middleware.ts": 'import { a } from "./lib/a.ts";\n',
      "src/lib/a.ts": 'export { b as a } from "./b.ts";\n',
      "src/lib/b.ts": 'import { c } from "./c.ts";\n',
      "src/lib/c.ts": last,
    });
    const three = cli(["doctor"], {
      cwd: site(chain('import { clerkClient } from "@clerk/backend";\n')),
      env: configured,
    });
    expect(three.stdout).toContain(
      "✓ src/middleware.ts (through src/lib/c.ts) uses Clerk (@clerk/backend), not the demo sign-in.",
    );
    const fourFiles = {
      ...chain('import { d } from "./d.ts";\n'),
      "src/lib/d.ts": 'import { clerkClient } from "@clerk/backend";\n',
    };
    const four = cli(["doctor"], { cwd: site(fourFiles), env: configured });
    expect(four.stdout).toContain(
      "✓ src/middleware.ts uses your own auth provider, not the demo sign-in.",
    );
  });

  test("does not read src/auth/index.ts when no middleware imports it", () => {
    const result = cli(["doctor"], {
      cwd: site({ "src/auth/index.ts": DEMO_AUTH }),
      env: configured,
    });
    expect(result.stdout).toContain(
      "✓ No Astro middleware (src/middleware.ts or src/middleware/index.ts): the sign-in was not checked.",
    );
    expect(result.stdout).not.toMatch(/demo sign-in/);
  });

  test("--auth names the file to read instead of the middleware", () => {
    const cwd = site(
      seam(DEMO_AUTH, { "src/lib/session.ts": 'import { betterAuth } from "better-auth";\n' }),
    );
    const result = cli(["doctor", "--auth", "src/lib/session.ts"], { cwd, env: configured });
    expect(result.stdout).toContain(
      "✓ src/lib/session.ts uses Better Auth (better-auth), not the demo sign-in.",
    );
    expect(result.stdout).not.toMatch(/demo sign-in while/);
    const missing = cli(["doctor", "--auth", "src/lib/nope.ts"], { cwd, env: configured });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--auth: no file at src\/lib\/nope\.ts\./);
  });

  test.each([
    [
      "nothing configured",
      {},
      {},
      /✗ Neither Helpdesky credentials nor stand-in mode[^\n]*\n  Fix: Set HELPDESKY_HMAC_SECRET and HELPDESKY_HELPDESK_ID, or HELPDESKY_STANDIN=1/,
    ],
    [
      "a missing helpdesk id",
      { HELPDESKY_HMAC_SECRET: SECRET },
      {},
      /✗ HELPDESKY_HELPDESK_ID is not set\.\n  Fix: Copy data-helpdesk-id/,
    ],
    [
      "a secret of the wrong shape",
      { ...configured, HELPDESKY_HMAC_SECRET: "sk_live_0123456789" },
      {},
      /✗ HELPDESKY_HMAC_SECRET \(from the environment\) does not look like hdh_secret_…/,
    ],
    [
      "whitespace around the secret",
      {},
      { ".env": `HELPDESKY_HMAC_SECRET=" ${SECRET} "\nHELPDESKY_HELPDESK_ID=hd_123\n` },
      /✗ HELPDESKY_HMAC_SECRET \(from \.env\) has whitespace around it/,
    ],
    [
      "a client-visible copy",
      configured,
      { ".env.local": `PUBLIC_HELPDESKY_HMAC_SECRET=${SECRET}\n` },
      /✗ PUBLIC_HELPDESKY_HMAC_SECRET \(from \.env\.local\) is a client-visible copy[^\n]*\n  Fix: Rename it to HELPDESKY_HMAC_SECRET and read it on the server from astro:env\/server/,
    ],
    [
      "the demo sign-in with real credentials",
      configured,
      seam(DEMO_AUTH),
      /✗ src\/middleware\.ts \(through src\/auth\/index\.ts\) still uses the demo sign-in while real Helpdesky credentials are set[^\n]*\n  Fix: Connect your auth provider/,
    ],
    [
      "the demo sign-in with one real credential",
      { HELPDESKY_HMAC_SECRET: SECRET },
      seam(DEMO_AUTH),
      /✗ src\/middleware\.ts \(through src\/auth\/index\.ts\) uses the demo sign-in, which signs anybody in as any email, and a real Helpdesky credential is set[^\n]*\n  Fix: Connect your auth provider in src\/auth\/index\.ts before going live; docs\/auth-recipes\/ has one per provider/,
    ],
    [
      "an http script URL",
      { ...configured, HELPDESKY_SCRIPT_URL: "http://helpdesky.io/ticket-center.js" },
      {},
      /✗ HELPDESKY_SCRIPT_URL is not an https URL/,
    ],
    [
      "a misspelt stand-in switch",
      { HELPDESKY_STANDIN: "yes please" },
      {},
      /✗ HELPDESKY_STANDIN="yes please" is not understood/,
    ],
    [
      "no Contact Form delivery in production",
      configured,
      {},
      /✗ The Contact Form cannot deliver messages[^\n]*\n  Fix: Set SMTP_URL, CONTACT_FROM, SUPPORT_EMAIL \(email\), or CONTACT_WEBHOOK_URL and CONTACT_WEBHOOK_SECRET \(a webhook\)\./,
    ],
    [
      "a webhook secret under 24 bytes",
      {
        HELPDESKY_STANDIN: "1",
        CONTACT_WEBHOOK_URL: "https://hooks.example/c",
        CONTACT_WEBHOOK_SECRET: "whsec_c2hvcnQ=",
      },
      {},
      /✗ CONTACT_WEBHOOK_SECRET is 5 bytes long; at least 24 are needed[^\n]*\n  Fix: Run `npx helpdesky webhook-secret`/,
    ],
    [
      "an old-style webhook secret",
      {
        HELPDESKY_STANDIN: "1",
        CONTACT_WEBHOOK_URL: "https://hooks.example/c",
        CONTACT_WEBHOOK_SECRET: "s3cret",
      },
      {},
      /✗ CONTACT_WEBHOOK_SECRET must have the form whsec_<base64>/,
    ],
  ])("fails on %s with the fix, and exits 1", (_label, env, files, message) => {
    const result = cli(["doctor"], { cwd: site(files), env: env as Record<string, string> });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(message);
    expect(result.stdout).toMatch(/\d+ checks? failed\.$/m);
  });

  test("never prints the secret, whatever it finds", () => {
    const cwd = site({
      ".env": `HELPDESKY_HMAC_SECRET= ${SECRET}\nVITE_HELPDESKY_SECRET=${SECRET}\n`,
      ...seam(DEMO_AUTH),
    });
    for (const args of [
      ["doctor"],
      ["sign", EMAIL],
      ["verify", EMAIL, "0".repeat(64)],
      ["verify", "x@y.z", SIGNATURE],
    ]) {
      expect(cli(args, { cwd, env: { HELPDESKY_HELPDESK_ID: "hd_123" } }).all).not.toContain(
        "canary_cli",
      );
    }
  });
});
