import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { securityHeaders } from "../../security-headers.mjs";
import { SHARED_SERVER_ENV } from "./global-setup.ts";
import { startServer, type RunningServer } from "./support/server.ts";
import { routeBeforeFilesystem } from "./support/vercel-routes.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const ISLAND_FIXTURE = "test/fixtures/csp-island";

interface Violation {
  directive: string;
  blocked: string;
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<Violation[]>> {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
    });
  });
  return async () => {
    const reported = await page.evaluate(
      () => (window as unknown as { __cspViolations: Violation[] }).__cspViolations,
    );
    return [...reported, ...consoleErrors.map((text) => ({ directive: "console", blocked: text }))];
  };
}

function policyOf(headers: Record<string, string>): Map<string, string[]> {
  const policy = headers["content-security-policy"] ?? "";
  return new Map(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

test.describe("security headers on the Node production server", () => {
  for (const path of [
    "/",
    "/support",
    "/support/",
    "/pricing",
    "/contact",
    "/contact/",
    "/login",
  ]) {
    test(`${path} carries the site's headers and a strict CSP`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(200);
      const headers = response.headers();
      for (const [name, value] of Object.entries(securityHeaders))
        expect(headers[name.toLowerCase()], name).toBe(value);
      const policy = policyOf(headers);
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("default-src")).toEqual(["'self'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("script-src")).toEqual(
        expect.arrayContaining(["'self'", "https://helpdesky.io"]),
      );
      expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
      expect(policy.get("script-src")?.some((source) => source.startsWith("'sha256-"))).toBe(true);
      for (const directive of ["connect-src", "frame-src", "img-src", "style-src"]) {
        expect(policy.get(directive), directive).toEqual(
          expect.arrayContaining(["'self'", "https://helpdesky.io"]),
        );
      }
    });
  }

  test("the token endpoint is not indexed and carries the common headers", async ({ request }) => {
    const response = await request.get("/api/helpdesky-token");
    expect(response.headers()["x-robots-tag"]).toBe("noindex");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("Vercel sends the same policy for its static pages as the Node server", async ({
    request,
  }) => {
    const config = JSON.parse(readFileSync(`${ROOT}.vercel/output/config.json`, "utf8")) as {
      routes: { src?: string; headers?: Record<string, string>; handle?: string }[];
    };
    for (const path of ["/", "/support", "/pricing"]) {
      const vercelPolicy = routeBeforeFilesystem(config.routes, path).headers[
        "content-security-policy"
      ];
      const nodePolicy = (await request.get(path)).headers()["content-security-policy"];
      expect(vercelPolicy, path).toBe(nodePolicy);
    }
  });
});

test.describe("pages under the policy in Chromium", () => {
  for (const path of ["/", "/support", "/contact"]) {
    test(`${path} runs with no CSP violation`, async ({ page }) => {
      const violations = await recordViolations(page);
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await violations()).toEqual([]);
    });
  }

  test("an injected inline script and a foreign script are blocked", async ({ page }) => {
    const violations = await recordViolations(page);
    await page.goto("/support");
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injectedRan = true;";
      document.head.append(script);
      const foreign = document.createElement("script");
      foreign.src = "https://attacker.invalid/steal.js";
      document.head.append(foreign);
      return (window as unknown as { __injectedRan?: boolean }).__injectedRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ directive: "script-src-elem", blocked: "inline" }),
        expect.objectContaining({
          directive: "script-src-elem",
          blocked: "https://attacker.invalid/steal.js",
        }),
      ]),
    );
  });
});

test.describe("React islands under the policy", () => {
  let server: RunningServer;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    // The site plus one test-only page with islands (client:only and client:load).
    execFileSync(
      process.execPath,
      ["node_modules/astro/bin/astro.mjs", "build", "--root", ISLAND_FIXTURE],
      {
        cwd: ROOT,
        env: { ...process.env, VERCEL: undefined },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    server = await startServer(SHARED_SERVER_ENV, `${ISLAND_FIXTURE}/dist`);
  });

  test.afterAll(async () => {
    await server?.stop();
    rmSync(`${ROOT}${ISLAND_FIXTURE}/dist`, { recursive: true, force: true });
  });

  test("islands hydrate with no CSP violation", async ({ page }) => {
    const violations = await recordViolations(page);
    await page.goto(`${server.url}/island`);
    for (const label of ["client-only", "client-load"]) {
      const button = page.getByTestId(label);
      await expect(button).toHaveText(`${label}: 0`);
      await button.click();
      await expect(button).toHaveText(`${label}: 1`);
    }
    expect(await violations()).toEqual([]);
  });
});
