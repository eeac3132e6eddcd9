import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { securityHeaders, strictTransportSecurity } from "../../security-headers.mjs";
import {
  mergeWithVercelJson,
  routeBeforeFilesystem,
  siteExpectations,
  vercelHeaderProblems,
} from "./support/vercel-routes.ts";

// Checks the Build Output API v3 tree that `VERCEL=1 astro build` wrote (see global-setup.ts).
const OUTPUT = new URL("../../.vercel/output/", import.meta.url);
const FUNCTION_DIR = new URL("functions/_render.func/", OUTPUT);

interface VercelRoute {
  src?: string;
  dest?: string;
  handle?: string;
  status?: number;
}

/** Calls the function's handler in a fresh Node process, the way Vercel's Node launcher does. */
function callFunction(path: string, init: RequestInit = {}, env: Record<string, string> = {}) {
  const config = JSON.parse(readFileSync(new URL(".vc-config.json", FUNCTION_DIR), "utf8"));
  const handlerUrl = new URL(config.handler, FUNCTION_DIR).href;
  const script = `
    const { default: handler } = await import(${JSON.stringify(handlerUrl)});
    const response = await handler.fetch(new Request("https://acme.example" + ${JSON.stringify(path)}, ${JSON.stringify(init)}));
    console.log(JSON.stringify({ status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() }));
  `;
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
  });
  const lastLine = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(lastLine) as { status: number; headers: Record<string, string>; body: string };
}

test.describe("Vercel build output", () => {
  test("marketing pages and /support are static files", () => {
    for (const file of ["index.html", "pricing/index.html", "support/index.html"]) {
      expect(existsSync(new URL(`static/${file}`, OUTPUT)), file).toBe(true);
    }
  });

  test("on-demand routes are routed to the function, after the filesystem", () => {
    const config = JSON.parse(readFileSync(new URL("config.json", OUTPUT), "utf8")) as {
      version: number;
      routes: VercelRoute[];
    };
    expect(config.version).toBe(3);
    const filesystem = config.routes.findIndex((route) => route.handle === "filesystem");
    expect(filesystem).toBeGreaterThanOrEqual(0);
    const destinationOf = (path: string) =>
      config.routes
        .slice(filesystem + 1)
        .find((route) => route.src && new RegExp(route.src).test(path));
    for (const path of ["/api/helpdesky-token", "/login", "/logout"]) {
      expect(destinationOf(path), path).toMatchObject({ dest: "_render" });
      expect(destinationOf(path)?.status, path).toBeUndefined();
    }
  });

  test("the function runs on Node 22 or later and carries no image service", () => {
    const config = JSON.parse(readFileSync(new URL(".vc-config.json", FUNCTION_DIR), "utf8"));
    expect(config.launcherType).toBe("Nodejs");
    expect(Number(/nodejs(\d+)/.exec(config.runtime)?.[1])).toBeGreaterThanOrEqual(22);
    expect(existsSync(new URL("node_modules/sharp", FUNCTION_DIR))).toBe(false);
  });

  test("the function bundles React, zod and valibot instead of carrying their packages", () => {
    // What keeps it under 2 MB: copied from node_modules, these bring development builds along.
    for (const name of ["react", "react-dom", "zod", "valibot"]) {
      expect(existsSync(new URL(`node_modules/${name}`, FUNCTION_DIR)), name).toBe(false);
    }
  });

  test("the function's handler answers the token route when imported and called", () => {
    const anonymous = callFunction(
      "/api/helpdesky-token",
      {},
      { HELPDESKY_HMAC_SECRET: "hdh_secret_vercel_check", HELPDESKY_HELPDESK_ID: "hd_123" },
    );
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body)).toEqual({ error: "unauthenticated" });
    expect(anonymous.headers["cache-control"]).toBe("private, no-store");

    const unconfigured = callFunction("/api/helpdesky-token");
    expect(unconfigured.status).toBe(503);
    expect(JSON.parse(unconfigured.body)).toEqual({ error: "helpdesky_not_configured" });
  });

  test("the function renders the sign-in page", () => {
    const login = callFunction("/login");
    expect(login.status).toBe(200);
    expect(login.body).toContain("<h1>Sign in</h1>");
  });

  test("no auth provider's library reaches the function or the static files", () => {
    // The recipes and the Better Auth fixture are dev-only: the demo site's build must not carry them.
    const root = new URL(".", OUTPUT).pathname;
    const carrying = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(m?js|cjs|json|html)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) =>
        /better-auth|better-call|@clerk\/|@supabase\/|auth-astro|@auth\/core/.test(
          readFileSync(file, "utf8"),
        ),
      );
    expect(carrying).toEqual([]);
  });

  test("an unknown path is sent to the function, which answers the site's 404 page with its policy", () => {
    const config = JSON.parse(readFileSync(new URL("config.json", OUTPUT), "utf8")) as {
      routes: VercelRoute[];
    };
    const filesystem = config.routes.findIndex((route) => route.handle === "filesystem");
    const catchAll = config.routes
      .slice(filesystem + 1)
      .find((route) => route.src && new RegExp(route.src).test("/no-such-page"));
    // A static 404.html would be served for any path without the policy of its own path.
    expect(catchAll).toMatchObject({ dest: "_render", status: 404 });

    const notFound = callFunction("/no-such-page");
    expect(notFound.status).toBe(404);
    expect(notFound.body).toContain("<h1>Page not found</h1>");
    const policy = notFound.headers["content-security-policy"] ?? "";
    expect(policy).toContain("frame-ancestors 'none'");
    for (const [, content] of notFound.body.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
      expect(policy).toContain(
        `'sha256-${createHash("sha256").update(content!).digest("base64")}'`,
      );
    }
  });

  test("as vercel build merges vercel.json in, each page gets its own policy and every answer vercel.json's headers", () => {
    // `npm run check:vercel` runs the real `vercel build` and checks its config.json the same way.
    const config = JSON.parse(readFileSync(new URL("config.json", OUTPUT), "utf8")) as {
      routes: VercelRoute[];
    };
    const vercelJson = JSON.parse(
      readFileSync(new URL("../../vercel.json", import.meta.url), "utf8"),
    );
    const merged = mergeWithVercelJson(config.routes, vercelJson);
    const expected = siteExpectations(OUTPUT);
    expect(expected.pages).toEqual(
      expect.arrayContaining(["/", "/pricing", "/contact", "/contact/sent", "/support"]),
    );
    expect(vercelHeaderProblems(merged, expected)).toEqual([]);
  });

  test("a page's policy route matches that page alone, so on-demand routes still reach the function", () => {
    const config = JSON.parse(readFileSync(new URL("config.json", OUTPUT), "utf8")) as {
      routes: VercelRoute[];
    };
    // Unanchored and without `continue`, the home page's `src: "/"` would end the routing of every path.
    const home = routeBeforeFilesystem(config.routes, "/").headers["content-security-policy"];
    expect(home).toBeTruthy();
    for (const path of ["/login", "/contact/send", "/api/contact", "/api/helpdesky-token"]) {
      expect(routeBeforeFilesystem(config.routes, path), path).toEqual({
        headers: {},
        stoppedBy: null,
      });
    }
  });

  test("vercel.json gives every path, error pages included, the security headers and HSTS", () => {
    const vercel = JSON.parse(
      readFileSync(new URL("../../vercel.json", import.meta.url), "utf8"),
    ) as {
      headers: { source: string; headers: { key: string; value: string }[] }[];
    };
    const everyPath = vercel.headers.find((rule) => rule.source === "/(.*)");
    const sent = Object.fromEntries(
      (everyPath?.headers ?? []).map(({ key, value }) => [key, value]),
    );
    expect(sent).toMatchObject({ ...securityHeaders, ...strictTransportSecurity });
  });
});
