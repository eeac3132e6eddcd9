import { expect, test, type Page } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { APP_SESSION_COOKIE, FRESH_APP_FILES } from "./app-files.ts";

// The package as an adopter gets it: `npm pack` (its prepack compiles dist/), a new Astro app that
// installs the tarball and its peers from the registry or npm's cache (never the source folder),
// `astro check`, `astro build`, the built server in stand-in mode, a browser, and the packed CLI.
// A file the app needs missing from the tarball fails one of these steps.

const PACKAGE_DIR = fileURLToPath(new URL("../../", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const EMAIL = "ada@example.com";
const SECRET = "hdh_secret_fresh_app_canary";

// What the app installs beside the tarball, at the versions the repository's lockfile has.
const APP_DEPENDENCIES = [
  "astro",
  "@astrojs/node",
  "@astrojs/react",
  "react",
  "react-dom",
  "@astrojs/check",
  "typescript",
  "@types/react",
  "@types/react-dom",
];

test.describe.configure({ mode: "serial" });

interface Output {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment for every command: this Node first on PATH, and nothing of the caller's npm run
 * (npm_config_local_prefix would point npm at this repository) or Helpdesky configuration.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const kept = ["npm_config_cache", "npm_config_registry", "npm_config_userconfig"];
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        kept.includes(name) ||
        !/^(npm_|HELPDESKY_|CONTACT_|SMTP_|SUPPORT_EMAIL|REDIS_URL|KV_URL|TRUSTED_PROXY_)/i.test(
          name,
        ),
    ),
  );
  return {
    ...env,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}`,
    ASTRO_TELEMETRY_DISABLED: "1",
    CI: "1",
    ...extra,
  };
}

function run(command: string, args: string[], cwd: string, env = cleanEnv()): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs one setup step, logs its time, and fails with its output when it fails. */
async function step(label: string, command: string, args: string[], cwd: string): Promise<Output> {
  const started = Date.now();
  const result = await run(command, args, cwd);
  console.log(`fresh app: ${label} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(result.code, `${label} failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

function lockedVersion(name: string): string {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const version = lock.packages?.[`node_modules/${name}`]?.version;
  if (typeof version !== "string") throw new Error(`${name} is not in the root package-lock.json`);
  return version;
}

async function freePort(): Promise<number> {
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

/** Starts the app's built Node server on loopback in stand-in mode and waits until it answers. */
async function startAppServer(
  app: string,
  dataDir: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const env = cleanEnv({
    HOST: "127.0.0.1",
    PORT: String(port),
    HELPDESKY_STANDIN: "1",
    HELPDESKY_DATA_DIR: dataDir,
  });
  const child: ChildProcess = spawn(process.execPath, ["dist/server/entry.mjs"], {
    cwd: app,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app's server exited early:\n${log}`);
    try {
      await fetch(`${url}/support`);
      return { url, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`The app's server did not answer in 30 s:\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

let work: string | undefined;
let app: string;
let server: { url: string; stop: () => Promise<void> } | undefined;

test.beforeAll(async () => {
  // Packing, a cold install and two Astro runs take minutes on a busy machine.
  test.setTimeout(20 * 60_000);
  work = mkdtempSync(join(tmpdir(), "helpdesky-fresh-app-"));
  await step("npm pack", "npm", ["pack", "--pack-destination", work], PACKAGE_DIR);
  const tarball = readdirSync(work).find((file) => /^astro-helpdesky-.*\.tgz$/.test(file));
  expect(tarball, "npm pack wrote a tarball").toBeDefined();

  app = join(work, "app");
  for (const [file, content] of Object.entries(FRESH_APP_FILES)) {
    mkdirSync(dirname(join(app, file)), { recursive: true });
    writeFileSync(join(app, file), content);
  }
  const dependencies = APP_DEPENDENCIES.map((name) => `${name}@${lockedVersion(name)}`);
  await step(
    "npm install",
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      join(work, tarball!),
      ...dependencies,
    ],
    app,
  );
  const astro = join(app, "node_modules/astro/bin/astro.mjs");
  await step("astro check", process.execPath, [astro, "check"], app);
  await step("astro build", process.execPath, [astro, "build"], app);
  server = await startAppServer(app, join(work, "data"));
});

test.afterAll(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Fails the test on any uncaught error in the page. */
function watchErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on("pageerror", (error) => errors.push(error));
  return errors;
}

const ticketCenter = (page: Page) =>
  page.getByRole("region", { name: "Ticket Center (local Helpdesky stand-in)" });
const contactForm = (page: Page) => page.getByRole("region", { name: "Send us a message" });

test("a visitor the app's middleware signs in gets the stand-in Ticket Center", async ({
  page,
  context,
}) => {
  const errors = watchErrors(page);
  await context.addCookies([{ name: APP_SESSION_COOKIE, value: EMAIL, url: server!.url }]);
  await page.goto(`${server!.url}/support`);
  await expect(ticketCenter(page).getByText(`Signed in to Helpdesky as ${EMAIL}.`)).toBeVisible();
  await expect(
    ticketCenter(page).getByRole("button", { name: "Start conversation" }),
  ).toBeVisible();
  await expect(contactForm(page)).toBeHidden();
  expect(errors).toEqual([]);
});

test("an anonymous visitor gets the Contact Form", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${server!.url}/support`);
  const form = contactForm(page);
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Email")).toBeVisible();
  await expect(form.getByRole("button", { name: "Send message" })).toBeVisible();
  await expect(ticketCenter(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the packed CLI signs with the app's .env and its doctor reads the app's middleware", async () => {
  // Written after the build and the server, so neither saw real credentials.
  const webhookSecret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
  writeFileSync(
    join(app, ".env"),
    `HELPDESKY_HMAC_SECRET=${SECRET}\nHELPDESKY_HELPDESK_ID=hd_fresh\nSUPPORT_EMAIL=help@fresh.example\n` +
      `CONTACT_WEBHOOK_URL=https://hooks.fresh.example/contact\nCONTACT_WEBHOOK_SECRET=${webhookSecret}\n`,
  );
  // The app's own bin or nothing: --no installs nothing, --offline asks no registry for a package of that name.
  const npx = (...args: string[]) => run("npx", ["--no", "--offline", "helpdesky", ...args], app);
  const sign = await npx("sign", EMAIL);
  expect(sign, sign.stderr).toMatchObject({
    code: 0,
    stdout: `${createHmac("sha256", SECRET).update(EMAIL).digest("hex")}\n`,
  });

  const doctor = await npx("doctor");
  expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
  expect(doctor.stdout).toContain(
    "✓ Live mode: the site signs users for Helpdesk hd_fresh; stand-in mode is off.",
  );
  expect(doctor.stdout).toContain(
    "✓ src/middleware.ts uses your own auth provider, not the demo sign-in.",
  );
  expect(doctor.stdout + doctor.stderr).not.toContain(SECRET);
});
