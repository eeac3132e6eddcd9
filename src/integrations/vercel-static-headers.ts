import type { AstroIntegration } from "astro";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** A route of the Build Output API's `config.json` (only the fields this module reads). */
export interface OutputRoute {
  src?: string;
  dest?: string;
  handle?: string;
  headers?: Record<string, string>;
  continue?: boolean;
  [field: string]: unknown;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * With `staticHeaders`, @astrojs/vercel 11 gives each prerendered page a route `{ src: "/support",
 * headers: { "content-security-policy": … } }` before the filesystem. Vercel reads `src` as an
 * unanchored regular expression, and a route without `continue: true` ends the routing when it
 * matches: as written, `src: "/"` matches every path, so an on-demand route such as `/login` would
 * stop there with the home page's policy instead of reaching its function. Each such route is made
 * to match its own path alone (with or without a trailing slash) and to let routing go on, so the
 * page's file is still found by the filesystem step, with `vercel.json`'s headers beside its policy.
 */
export function anchorStaticHeaderRoutes(routes: OutputRoute[]): OutputRoute[] {
  const filesystem = routes.findIndex((route) => route.handle === "filesystem");
  return routes.map((route, index) => {
    const isPageHeaderRoute =
      (filesystem === -1 || index < filesystem) &&
      route.src !== undefined &&
      !route.src.startsWith("^") &&
      route.headers &&
      !route.dest &&
      !route.handle &&
      !route.continue;
    if (!isPageHeaderRoute) return route;
    const path = route.src!.replace(/\/+$/, "");
    return { ...route, src: `^${escapeRegExp(path)}/?$`, continue: true };
  });
}

/**
 * Rewrites `.vercel/output/config.json` after @astrojs/vercel has written it (Astro runs the
 * adapter's hooks before the other integrations'). Add it only when building with that adapter.
 */
export default function vercelStaticHeaders(): AstroIntegration {
  let root: URL;
  return {
    name: "vercel-static-headers",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = config.root;
      },
      "astro:build:done": ({ logger }) => {
        const file = new URL(".vercel/output/config.json", root);
        if (!existsSync(file))
          return logger.warn("no .vercel/output/config.json: is the Vercel adapter on?");
        const config = JSON.parse(readFileSync(file, "utf8")) as { routes?: OutputRoute[] };
        if (!config.routes) return;
        config.routes = anchorStaticHeaderRoutes(config.routes);
        writeFileSync(file, `${JSON.stringify(config, null, "\t")}\n`);
      },
    },
  };
}
