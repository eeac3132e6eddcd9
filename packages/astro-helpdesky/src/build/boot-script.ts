import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { Plugin } from "vite";
import { HELD_ISLAND_ATTRIBUTE, OWN_ISLAND_HOLD } from "../island/held-island.ts";
import { addHeldIslandFallback } from "./held-island-fallback.ts";
import { CONTAINER_ID } from "../island/ticket-center-container.ts";
import { hoistHeadHints } from "./head-hints.ts";
import {
  addModulePreloads,
  holdIsland,
  islandComponentExport,
  islandComponentUrls,
  makeModuleScriptAsync,
  moduleScripts,
} from "./html-edits.ts";
import { loadsModule, staticImportClosure, type ChunkInfo } from "./static-imports.ts";

const BOOT_MODULE = "/island/boot.ts";
const ISLAND_MODULE = "/island/TicketCenterIsland.tsx";
// As the bundler writes module ids: forward slashes on every platform.
const COMPONENTS_MODULE = fileURLToPath(new URL("../components.ts", import.meta.url)).replaceAll(
  "\\",
  "/",
);

/**
 * Starts the boot module as early as the page allows, on each built page that hosts the Ticket
 * Center: `<link rel="modulepreload">` for the chunks it imports (it shares them with the island;
 * unlinked, each level of imports costs a round trip), and `async` on its script, so it does not
 * wait for the page's stylesheets before asking for the token.
 */
export function bootScriptIntegration(): AstroIntegration {
  const chunks = new Map<string, ChunkInfo>();
  let base = "/";

  const vitePlugin: Plugin = {
    name: "helpdesky:boot-script",
    apply: "build",
    generateBundle(_, bundle) {
      if (this.environment.name !== "client") return;
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        chunks.set(output.fileName, {
          fileName: output.fileName,
          imports: output.imports,
          moduleIds: output.moduleIds,
          facadeModuleId: output.facadeModuleId,
        });
      }
    },
  };

  return {
    name: "helpdesky:boot-script",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [vitePlugin] } });
      },
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      // Before the adapters' `astro:build:done`, which copy the pages to where they are served from.
      "astro:build:generated": ({ dir, logger }) => {
        const pages = ticketCenterPages(fileURLToPath(dir));
        const bundleSeen = chunks.size > 0;
        if (pages.length > 0 && !bundleSeen) {
          logger.warn(
            "The client bundle was not seen, so the boot module starts late: no modulepreload, not async.",
          );
        }
        let edited = 0;
        for (const page of pages) {
          let html = hoistHeadHints(page.html);
          // Relative to `base`; an asset under `build.assetsPrefix` (another origin) is left as is.
          const chunkOf = (url: string) => (url.startsWith(base) ? url.slice(base.length) : null);
          let booted = false;
          for (const { tag, src } of bundleSeen ? moduleScripts(html) : []) {
            const entry = chunkOf(src);
            if (entry === null || !loadsModule(chunks, entry, BOOT_MODULE)) continue;
            booted = true;
            html = makeModuleScriptAsync(html, tag);
            html = addModulePreloads(
              html,
              staticImportClosure(chunks, entry).map((fileName) => base + fileName),
            );
          }
          // The boot module starts the Ticket Center without React, and lets the island in once
          // Helpdesky's script has loaded: React's download no longer shares the link with it.
          // An island of the site's that wraps the Ticket Center's is held with it; the package's
          // own island is marked, as the one an anonymous visitor with the page's form can do without.
          for (const url of booted ? islandComponentUrls(html) : []) {
            const entry = chunkOf(url);
            if (entry === null || !loadsModule(chunks, entry, ISLAND_MODULE)) continue;
            const facade = chunks.get(entry)?.facadeModuleId?.split("?")[0] ?? "";
            // The island itself, or the same island imported from the components' module.
            const own =
              facade.endsWith(ISLAND_MODULE) ||
              (facade.endsWith(COMPONENTS_MODULE) &&
                islandComponentExport(html, url) === "TicketCenterIsland");
            const attribute = own
              ? `${HELD_ISLAND_ATTRIBUTE}="${OWN_ISLAND_HOLD}"`
              : HELD_ISLAND_ATTRIBUTE;
            html = holdIsland(html, url, attribute);
          }
          html = addHeldIslandFallback(html, HELD_ISLAND_ATTRIBUTE);
          if (html === page.html) continue;
          writeFileSync(page.path, html);
          edited++;
        }
        logger.debug(
          `Boot module started early on ${edited} of ${pages.length} page(s) holding the Ticket Center.`,
        );
      },
    },
  };
}

/** The prerendered HTML files under `dir` that contain the Ticket Center's container. */
function ticketCenterPages(dir: string): { path: string; html: string }[] {
  const marker = `id="${CONTAINER_ID}"`;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, html: readFileSync(path, "utf8") };
    })
    .filter((page) => page.html.includes(marker));
}
