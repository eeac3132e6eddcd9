import type { AstroConfig } from "astro";
import { DEFAULT_SCRIPT_URL } from "./mode.ts";

/** Directives the Ticket Center plausibly needs beyond its script: its API, frames and images. */
const EMBED_DIRECTIVES = ["connect-src", "frame-src", "img-src"] as const;

type CspSetting = AstroConfig["security"]["csp"];
type CspObject = Exclude<CspSetting, boolean>;

/**
 * `astro dev` computes no hashes (Astro documents CSP as unsupported in dev), yet with an adapter's
 * `staticHeaders` Astro 7.3 still sends the policy as a header there, so every inline style and
 * script is blocked: unstyled pages, a broken dev toolbar, islands that may not hydrate. Dev
 * therefore runs without a policy; builds keep theirs untouched.
 */
export const DEV_CSP_OFF = { security: { csp: false } } as const;

/** The origin of the Ticket Center script; `null` for a same-origin path (the stand-in). */
export function helpdeskyOrigin(scriptUrl: string | undefined): string | null {
  const url = scriptUrl?.trim() || DEFAULT_SCRIPT_URL;
  if (url.startsWith("/")) return null;
  try {
    const { origin, protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:" ? origin : null;
  } catch {
    return null;
  }
}

/**
 * What to merge into `security.csp` so the Helpdesky script, its styles, requests, frames and
 * images are allowed, plus a note for each directive the site already declares (Astro would send
 * a second one, which browsers ignore, so the site has to add the origin itself). `null` when CSP
 * is off: enabling it is the site's decision.
 */
export function helpdeskyCspConfig(
  csp: CspSetting,
  origin: string | null,
  /** Hashes of inline scripts the components write (the signed-in hint's head script). */
  scriptHashes: readonly `sha256-${string}`[] = [],
): { update: { security: { csp: CspObject } }; notes: string[] } | null {
  if (!csp) return null;
  const sources = ["'self'", ...(origin ? [origin] : [])];
  const declared = csp === true ? [] : (csp.directives ?? []);
  const notes: string[] = [];
  const directives: CspObject["directives"] = [];
  for (const name of EMBED_DIRECTIVES) {
    const existing = declared.find((directive) => directive.split(/\s+/)[0] === name);
    if (!existing) directives.push(`${name} ${sources.join(" ")}`);
    else if (origin && !existing.split(/\s+/).includes(origin)) {
      notes.push(
        `security.csp.directives declares "${name}" without ${origin}: add it there, or the Ticket Center may be blocked.`,
      );
    }
  }
  return {
    update: {
      security: {
        csp: {
          // Repeated so that merging never changes the site's choice.
          algorithm: csp === true ? "SHA-256" : csp.algorithm,
          directives,
          // Setting resources replaces Astro's default 'self', so it is listed again.
          scriptDirective: {
            resources: sources,
            ...(scriptHashes.length > 0 && { hashes: [...scriptHashes] }),
          },
          styleDirective: { resources: sources },
        },
      },
    },
    notes,
  };
}
