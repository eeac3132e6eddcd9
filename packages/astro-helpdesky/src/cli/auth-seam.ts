import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Where the site asks "who is signed in?" (see the site's src/auth/index.ts). */
export const AUTH_SEAM = "src/auth/index.ts";

export type AuthSeamState = "demo" | "custom" | "missing";

/** Which seam the site uses, and the auth library behind it when one is recognised. */
export interface AuthSeam {
  state: AuthSeamState;
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

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => match[1]!);
}

function providerOf(specifiers: string[]): string | null {
  for (const specifier of specifiers) {
    const found = PROVIDERS.find(([prefix]) => specifier === prefix || specifier.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`));
    if (found) return found[1];
  }
  return null;
}

/**
 * Reads the site's auth seam: the demo sign-in when it imports demo-session, else the library it
 * imports, itself or through a module of the site it imports (as `src/lib/auth.ts` for Better Auth).
 */
export function readAuthSeam(cwd: string): AuthSeam {
  const path = join(cwd, AUTH_SEAM);
  if (!existsSync(path)) return { state: "missing", provider: null };
  const imports = importsOf(readFileSync(path, "utf8"));
  if (imports.some((specifier) => /(^|\/)demo-session(\.ts|\.js)?$/.test(specifier))) return { state: "demo", provider: null };
  const direct = providerOf(imports);
  if (direct) return { state: "custom", provider: direct };
  // One level of the site's own modules is enough for the recipes; deeper chains read as "your own".
  for (const specifier of imports.filter((s) => s.startsWith("."))) {
    const local = resolve(dirname(path), specifier);
    if (!local.startsWith(resolve(cwd)) || !existsSync(local)) continue;
    const provider = providerOf(importsOf(readFileSync(local, "utf8")));
    if (provider) return { state: "custom", provider };
  }
  return { state: "custom", provider: null };
}
