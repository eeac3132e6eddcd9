import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { Plugin } from "vite";
import { CONTAINER_ID } from "../island/ticket-center-container.ts";
import { hoistHeadHints } from "./head-hints.ts";
import { addModulePreloads, makeModuleScriptAsync, moduleScripts } from "./html-edits.ts";
import { loadsModule, staticImportClosure, type ChunkInfo } from "./static-imports.ts";

const BOOT_MODULE = "/island/boot.ts";

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
          for (const { tag, src } of bundleSeen ? moduleScripts(html) : []) {
            // Relative to `base`; a script under `build.assetsPrefix` (another origin) is left as is.
            const entry = src.startsWith(base) ? src.slice(base.length) : null;
            if (entry === null || !loadsModule(chunks, entry, BOOT_MODULE)) continue;
            html = makeModuleScriptAsync(html, tag);
            html = addModulePreloads(
              html,
              staticImportClosure(chunks, entry).map((fileName) => base + fileName),
            );
          }
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
