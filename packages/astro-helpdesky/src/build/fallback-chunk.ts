import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { exactIdFilter } from "../virtual-id-filter.ts";

/** The module the island loads its fallback through; typed by the `.d.ts` the integration injects. */
export const FALLBACK_LOADER_MODULE = "virtual:helpdesky/fallback-loader";
const RESOLVED_ID = `\0${FALLBACK_LOADER_MODULE}`;
const FALLBACK_PATH = fileURLToPath(
  new URL("../island/AnonymousFallback.tsx", import.meta.url),
).replaceAll("\\", "/");

/**
 * Serves `virtual:helpdesky/fallback-loader`, whose `loadAnonymousFallback()` imports the island's
 * fallback (the sign-in link and the Contact Form). In a client build the fallback is emitted as
 * a chunk of its own and imported by URL: an `import()` Vite can see would be wrapped in its
 * preload helper, 0.75 KB gzip that every signed-in visitor would download for a chunk they never
 * load. The helper has nothing to do here: the fallback's one dependency, React, is already on its
 * way for the island when the token's answer starts this import, and the island imports the
 * fallback's styles itself (Astro cannot follow an import by URL to them). Elsewhere (`astro dev`,
 * tests) it is a plain import.
 */
export function fallbackLoaderPlugin(): Plugin {
  return {
    name: "helpdesky:fallback-loader",
    resolveId: {
      filter: { id: exactIdFilter(FALLBACK_LOADER_MODULE) },
      handler: () => RESOLVED_ID,
    },
    load: {
      filter: { id: exactIdFilter(RESOLVED_ID) },
      handler() {
        if (this.environment.mode === "build" && this.environment.config.consumer === "client") {
          const ref = this.emitFile({
            type: "chunk",
            id: FALLBACK_PATH,
            name: "AnonymousFallback",
          });
          return `export const loadAnonymousFallback = () => import(/* @vite-ignore */ import.meta.ROLLUP_FILE_URL_${ref});\n`;
        }
        return `export const loadAnonymousFallback = () => import(${JSON.stringify(FALLBACK_PATH)});\n`;
      },
    },
  };
}

/** The declaration of the virtual module, written by `injectTypes`. */
export const FALLBACK_LOADER_TYPES = `declare module "${FALLBACK_LOADER_MODULE}" {
  /** Imports the island's fallback: the sign-in link and the Contact Form. */
  export const loadAnonymousFallback: () => Promise<typeof import(${JSON.stringify(FALLBACK_PATH)})>;
}
`;
