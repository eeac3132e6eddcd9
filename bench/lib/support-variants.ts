import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { STANDIN_SCRIPT_PATH } from "../../src/integrations/helpdesky/mode.ts";

const PRELOAD_TOKEN = /^\s*<link rel="preload" as="fetch"[^>]*\/>\s*\n/m;
const PRECONNECT = /^(\s*)<link rel="preconnect"[^>]*\/>\s*\n/m;

/**
 * Variants of /support, each one loading step changed, to measure what that step gives. Each
 * returns the changed page, or null when the page has no such step (then it is not measured).
 * Preconnect is not varied: its origin is Helpdesky's, which a loopback-only benchmark never
 * reaches, and in stand-in mode the script is same-origin.
 */
const BOOT_CONTAINER = /^\s*<div id="hdh-ticket-center"[\s\S]*?<\/div>\s*\n/m;
const BOOT_SCRIPT = /^\s*<script>[\s\S]*?bootTicketCenter[\s\S]*?<\/script>\s*\n/m;

export const SUPPORT_VARIANTS: Record<string, (page: string) => string | null> = {
  // The island alone, as before the boot module: it fetches the token and adds the script once
  // React has loaded. The static container goes too, or the island's own would be a second one.
  "support-no-boot": (page) =>
    BOOT_CONTAINER.test(page) && BOOT_SCRIPT.test(page) ? page.replace(BOOT_SCRIPT, "").replace(BOOT_CONTAINER, "") : null,
  "support-no-token-preload": (page) => (PRELOAD_TOKEN.test(page) ? page.replace(PRELOAD_TOKEN, "") : null),
  // The embed's URL is known before the token arrives (stand-in: this path), so it can be preloaded.
  "support-script-preload": (page) =>
    PRECONNECT.test(page)
      ? page.replace(PRECONNECT, (tag, indent: string) => `${tag}${indent}<link rel="preload" as="script" href="${STANDIN_SCRIPT_PATH}" />\n`)
      : null,
};

/**
 * Writes the variants of the copy's src/pages/support.astro under src/pages/bench/. Made from the
 * real page, so they follow it as it changes. Returns the names of the variants written.
 */
export function writeSupportVariants(copyDir: string): string[] {
  const source = join(copyDir, "src/pages/support.astro");
  if (!existsSync(source)) return [];
  const page = readFileSync(source, "utf8").replaceAll('from "../', 'from "../../');
  const written: string[] = [];
  for (const [name, change] of Object.entries(SUPPORT_VARIANTS)) {
    const variant = change(page);
    if (variant === null) continue;
    writeFileSync(join(copyDir, "src/pages/bench", `${name}.astro`), variant);
    written.push(name);
  }
  return written;
}
