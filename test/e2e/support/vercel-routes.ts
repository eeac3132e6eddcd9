// What Vercel's router makes of `.vercel/output/config.json`, offline. Two steps, both taken from
// Vercel's own code (vercel CLI 58.10.0, @vercel/routing-utils 6):
// - `vercel build` merges vercel.json's `headers` into the adapter's routes with `mergeRoutes`:
//   the builder's `continue` routes, then vercel.json's, then the builder's other routes.
// - the router walks the routes before `{ handle: "filesystem" }` in order, reading each `src` as
//   an unanchored regular expression (case-insensitive); a match adds its headers, and a match
//   without `continue: true` ends that walk (the CLI's `devRouter`).
// What the live edge does beyond that (how it then merges the function's own headers) cannot be
// checked offline.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { securityHeaders, strictTransportSecurity } from "../../../security-headers.mjs";
import { getTransformedRoutes, mergeRoutes, type Route } from "@vercel/routing-utils";

export interface VercelJson {
  headers?: { source: string; headers: { key: string; value: string }[] }[];
}

/** A route of `config.json` (the fields read here). */
export interface AnyRoute {
  src?: string;
  dest?: string;
  handle?: string;
  status?: number;
  headers?: Record<string, string>;
  continue?: boolean;
}

/** The routes `vercel build` writes: the adapter's, with vercel.json's headers merged in. */
export function mergeWithVercelJson(adapterRoutes: AnyRoute[], vercelJson: VercelJson): AnyRoute[] {
  const user = getTransformedRoutes({ headers: vercelJson.headers ?? [] });
  if (user.error) throw new Error(`vercel.json: ${user.error.message}`);
  return mergeRoutes({
    userRoutes: user.routes ?? [],
    builds: [
      { use: "@vercel/static-build", entrypoint: "package.json", routes: adapterRoutes as Route[] },
    ],
  }) as AnyRoute[];
}

export interface BeforeFilesystem {
  /** The headers the routes set, keys lower-cased. */
  headers: Record<string, string>;
  /** The route without `continue` that ended the walk before the filesystem step, if any. */
  stoppedBy: AnyRoute | null;
}

/** The headers a request for `path` collects before the filesystem step, and where it stopped. */
export function routeBeforeFilesystem(routes: AnyRoute[], path: string): BeforeFilesystem {
  const headers: Record<string, string> = {};
  for (const route of routes) {
    if (route.handle) break;
    if (!route.src || !new RegExp(route.src, "i").test(path)) continue;
    for (const [key, value] of Object.entries(route.headers ?? {}))
      headers[key.toLowerCase()] = value;
    if (!route.continue) return { headers, stoppedBy: route };
  }
  return { headers, stoppedBy: null };
}

export interface HeaderExpectations {
  /** The output's `static/` folder, where each prerendered page's HTML is. */
  staticDir: URL;
  /** Prerendered pages, as requested ("/support"): each must collect its own policy. */
  pages: string[];
  /** Other answers (the function's routes, unknown paths, files): no page's policy, and nothing may end routing before the filesystem step. */
  otherPaths: string[];
  /** Headers every answer must collect (vercel.json's). */
  everyAnswer: Record<string, string>;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64");

/** What a visitor would miss under `routes`, one line per problem (empty when none). */
export function vercelHeaderProblems(routes: AnyRoute[], expected: HeaderExpectations): string[] {
  const problems: string[] = [];
  const checkEveryAnswer = (path: string, headers: Record<string, string>) => {
    for (const [key, value] of Object.entries(expected.everyAnswer)) {
      if (headers[key.toLowerCase()] !== value)
        problems.push(
          `${path}: ${key} is ${JSON.stringify(headers[key.toLowerCase()])}, not ${JSON.stringify(value)}`,
        );
    }
  };
  for (const page of expected.pages) {
    const html = readFileSync(
      new URL(`.${page === "/" ? "" : page}/index.html`, expected.staticDir),
      "utf8",
    );
    const inline = [...html.matchAll(/<(script|style)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/\1>/g)]
      .map((match) => match[2]!)
      .filter((code) => code.length > 0);
    for (const path of page === "/" ? [page] : [page, `${page}/`]) {
      const { headers } = routeBeforeFilesystem(routes, path);
      const policy = headers["content-security-policy"] ?? "";
      if (!policy.includes("frame-ancestors 'none'"))
        problems.push(`${path}: no policy with frame-ancestors 'none'`);
      for (const code of inline) {
        if (!policy.includes(`'sha256-${sha256(code)}'`))
          problems.push(
            `${path}: the policy lacks the hash of an inline script or style of its page`,
          );
      }
      checkEveryAnswer(path, headers);
    }
  }
  for (const path of expected.otherPaths) {
    const { headers, stoppedBy } = routeBeforeFilesystem(routes, path);
    if (stoppedBy)
      problems.push(
        `${path}: routing ends at ${JSON.stringify(stoppedBy.src)} before the filesystem step and the function`,
      );
    if (headers["content-security-policy"])
      problems.push(`${path}: gets a prerendered page's policy`);
    checkEveryAnswer(path, headers);
  }
  return problems;
}

/** This site's expectations for an output folder: every prerendered page, its on-demand routes, vercel.json's headers. */
export function siteExpectations(outputDir: URL): HeaderExpectations {
  const staticDir = new URL("static/", outputDir);
  const root = fileURLToPath(staticDir);
  const pages = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === "index.html")
    .map(
      (entry) =>
        `/${relative(root, entry.parentPath).split(sep).join("/")}`.replace(/\/$/, "") || "/",
    );
  return {
    staticDir,
    pages,
    otherPaths: [
      "/login",
      "/logout",
      "/api/helpdesky-token",
      "/api/contact",
      "/contact/send",
      "/helpdesky-standin/inbox",
      "/no-such-page",
      "/favicon.svg",
      "/robots.txt",
    ],
    everyAnswer: { ...securityHeaders, ...strictTransportSecurity },
  };
}
