import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";

/**
 * Where a site sets `locals.user`, by Astro's convention: its middleware. Doctor starts there
 * unless told otherwise (`--auth <file>`).
 */
export const MIDDLEWARE_FILES = [
  "src/middleware.ts",
  "src/middleware.js",
  "src/middleware.mts",
  "src/middleware.mjs",
  "src/middleware/index.ts",
  "src/middleware/index.js",
  "src/middleware/index.mts",
  "src/middleware/index.mjs",
];

/** How many imports deep doctor follows the site's own modules from the entry file. */
export const SEAM_DEPTH = 3;

export type AuthSeamState = "demo" | "custom" | "missing";

/** Which seam the site uses, and the auth library behind it when one is recognised. */
export interface AuthSeam {
  state: AuthSeamState;
  /** The file doctor started from, relative to the site (forward slashes); null when none was found. */
  entry: string | null;
  /** The site's module that imports the demo sign-in or the auth library; null when none does. */
  source: string | null;
  /** For example "Better Auth (better-auth)"; null for the demo, or sessions of the site's own. */
  provider: string | null;
}

// Package prefix → how doctor names it. The recipes in docs/auth-recipes/ use these.
const PROVIDERS: [prefix: string, name: string][] = [
  ["auth-astro", "Auth.js (auth-astro)"],
  ["@auth/", "Auth.js (@auth/core)"],
  ["better-auth", "Better Auth (better-auth)"],
  ["@clerk/", "Clerk (@clerk/backend)"],
  ["@supabase/", "Supabase (@supabase/ssr)"],
  ["lucia", "Lucia (lucia)"],
];

const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;
const DEMO_SESSION = /(^|\/)demo-session(\.ts|\.js)?$/;
// How a relative specifier may name a file: as written, with an extension, as a folder's index,
// or with the .js a TypeScript import writes for a .ts file.
const EXTENSIONS = [".ts", ".js", ".mts", ".mjs", ".tsx", ".jsx"];

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => match[1]!);
}

function providerOf(specifiers: string[]): string | null {
  for (const specifier of specifiers) {
    const found = PROVIDERS.find(
      ([prefix]) =>
        specifier === prefix || specifier.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`),
    );
    if (found) return found[1];
  }
  return null;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** The file a relative import names, inside the site; null for packages, aliases and missing files. */
function resolveLocal(site: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return null;
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((extension) => base + extension),
    ...EXTENSIONS.map((extension) => `${base}/index${extension}`),
    ...(/\.(m?js|jsx)$/.test(base) ? [base.replace(/\.(m?)js(x?)$/, ".$1ts$2")] : []),
  ];
  const found = candidates.find(isFile);
  return found && found.startsWith(site + sep) ? found : null;
}

/** The site's middleware, the first of MIDDLEWARE_FILES that exists; null without one. */
export function findMiddleware(cwd: string): string | null {
  return MIDDLEWARE_FILES.find((file) => isFile(resolve(cwd, file))) ?? null;
}

/**
 * Reads the site's auth seam from `entry` (default: the site's middleware), following the site's
 * own imports up to SEAM_DEPTH levels: the demo sign-in when any of them imports demo-session, else
 * the first auth library one of them imports (as Better Auth's `src/lib/auth.ts`), else the site's own.
 */
export function readAuthSeam(cwd: string, entry: string | null = findMiddleware(cwd)): AuthSeam {
  const site = resolve(cwd);
  if (entry === null || !isFile(resolve(site, entry)))
    return { state: "missing", entry, source: null, provider: null };
  const name = (path: string) => relative(site, path).split(sep).join("/");
  const start = resolve(site, entry);
  const seen = new Set([start]);
  let level = [start];
  let found: { provider: string; source: string } | null = null;
  for (let depth = 0; depth <= SEAM_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const file of level) {
      const imports = importsOf(readFileSync(file, "utf8"));
      if (imports.some((specifier) => DEMO_SESSION.test(specifier))) {
        return { state: "demo", entry: name(start), source: name(file), provider: null };
      }
      const provider = providerOf(imports);
      if (provider && !found) found = { provider, source: name(file) };
      for (const specifier of imports) {
        const local = resolveLocal(site, file, specifier);
        if (local && !seen.has(local)) {
          seen.add(local);
          next.push(local);
        }
      }
    }
    level = next;
  }
  return {
    state: "custom",
    entry: name(start),
    source: found?.source ?? null,
    provider: found?.provider ?? null,
  };
}
