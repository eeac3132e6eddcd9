import type { EnvEntry } from "./load-env.ts";

/** Prefixes that Astro, Vite or a habit from Next.js put into client bundles. */
export const CLIENT_PREFIXES = ["PUBLIC_", "VITE_", "NEXT_PUBLIC_"] as const;

/** A variable a browser could be handed, that by its name holds the Helpdesky secret. */
export interface ClientVisibleCopy {
  name: string;
  source: string;
  /** The server-only name that fixes it. */
  rename: string;
}

/**
 * Finds `PUBLIC_*`, `VITE_*` and `NEXT_PUBLIC_*` variables with both HELPDESKY and SECRET in the
 * name: anything under those prefixes can be inlined into client code by one careless import.
 */
export function findClientVisibleCopies(env: Map<string, EnvEntry>): ClientVisibleCopy[] {
  const copies: ClientVisibleCopy[] = [];
  for (const [name, entry] of env) {
    const upper = name.toUpperCase();
    // NEXT_PUBLIC_ before PUBLIC_ would not matter, but the longest prefix makes the nicer rename.
    const prefix = [...CLIENT_PREFIXES]
      .sort((a, b) => b.length - a.length)
      .find((p) => upper.startsWith(p));
    if (!prefix || !upper.includes("HELPDESKY") || !upper.includes("SECRET")) continue;
    const rest = name.slice(prefix.length);
    const rename =
      /HMAC_SECRET$/i.test(rest) || rest.toUpperCase() === "HELPDESKY_SECRET"
        ? "HELPDESKY_HMAC_SECRET"
        : rest;
    copies.push({ name, source: entry.source, rename });
  }
  return copies.sort((a, b) => a.name.localeCompare(b.name));
}

/** The sentence that reports one copy and its fix. */
export function describeCopy(copy: ClientVisibleCopy): string {
  return (
    `${copy.name} (from ${copy.source}) is a client-visible copy of the Helpdesky secret: ` +
    `rename it to ${copy.rename} and read it on the server from astro:env/server.`
  );
}
