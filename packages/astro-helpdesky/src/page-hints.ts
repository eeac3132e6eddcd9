import type { Plugin } from "vite";
import type { EnvEntry } from "./guards/load-env.ts";
import { resolveHelpdeskyMode } from "./mode.ts";
import { exactIdFilter } from "./virtual-id-filter.ts";

/** The module pages import the build's hints from; typed by the `.d.ts` the integration injects. */
export const PAGE_HINTS_MODULE = "virtual:helpdesky/page-hints";
const RESOLVED_ID = `\0${PAGE_HINTS_MODULE}`;

/** What a prerendered page needs to know of this integration to start the Ticket Center early. */
export interface PageHints {
  /** The token endpoint (the `tokenRoute` option). */
  tokenUrl: string;
  /** Helpdesky's script, when the build knows which one runs; `null` otherwise. */
  scriptPreloadUrl: string | null;
  /** The `signInUrl` option, or `null`. */
  signInUrl: string | null;
  /** The `signOutUrl` option, or `null`. */
  signOutUrl: string | null;
  /** The `signedInCookie` option, or `null`. */
  signedInCookie: string | null;
}

/** `path` (a route such as `/api/helpdesky-token`) under the site's `base`, as the browser asks for it. */
export function underBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}${path}`;
}

/**
 * The script a page can preload, from the environment the build sees: real credentials name
 * Helpdesky's script, stand-in mode (or `astro dev` without credentials) the stand-in's, anything
 * else none. Only a hint: the island loads the URL the token endpoint returns at run time, so a
 * wrong guess costs a wasted download, never a wrong script.
 */
export function scriptPreloadUrl(
  env: ReadonlyMap<string, EnvEntry>,
  { dev }: { dev: boolean },
): string | null {
  const value = (name: string) => env.get(name)?.value;
  const mode = resolveHelpdeskyMode(
    {
      HELPDESKY_HMAC_SECRET: value("HELPDESKY_HMAC_SECRET"),
      HELPDESKY_HELPDESK_ID: value("HELPDESKY_HELPDESK_ID"),
      HELPDESKY_SCRIPT_URL: value("HELPDESKY_SCRIPT_URL"),
      HELPDESKY_STANDIN: value("HELPDESKY_STANDIN"),
    },
    { dev, randomSecret: () => "" },
  );
  return mode.kind === "unconfigured" ? null : mode.scriptUrl;
}

/**
 * Serves `virtual:helpdesky/page-hints`. Client code imports it too, so it names each field it
 * exports: nothing else given to it (a secret, say) can reach a bundle.
 */
export function pageHintsPlugin({
  tokenUrl,
  scriptPreloadUrl,
  signInUrl,
  signOutUrl,
  signedInCookie,
}: PageHints): Plugin {
  const source =
    `export const tokenUrl = ${JSON.stringify(tokenUrl)};\n` +
    `export const scriptPreloadUrl = ${JSON.stringify(scriptPreloadUrl)};\n` +
    `export const signInUrl = ${JSON.stringify(signInUrl)};\n` +
    `export const signOutUrl = ${JSON.stringify(signOutUrl)};\n` +
    `export const signedInCookie = ${JSON.stringify(signedInCookie)};\n`;
  return {
    name: "helpdesky:page-hints",
    resolveId: { filter: { id: exactIdFilter(PAGE_HINTS_MODULE) }, handler: () => RESOLVED_ID },
    load: { filter: { id: exactIdFilter(RESOLVED_ID) }, handler: () => source },
  };
}

/** The declaration of the virtual module, written by `injectTypes`. */
export const PAGE_HINTS_TYPES = `declare module "${PAGE_HINTS_MODULE}" {
  /** The token endpoint: the \`tokenRoute\` option of \`helpdesky()\`. */
  export const tokenUrl: string;
  /** Helpdesky's script URL when the build's environment says which one runs; \`null\` otherwise. */
  export const scriptPreloadUrl: string | null;
  /** The \`signInUrl\` option of \`helpdesky()\`, or \`null\`. */
  export const signInUrl: string | null;
  /** The \`signOutUrl\` option of \`helpdesky()\`, or \`null\`. */
  export const signOutUrl: string | null;
  /** The \`signedInCookie\` option of \`helpdesky()\`, or \`null\`. */
  export const signedInCookie: string | null;
}
`;
