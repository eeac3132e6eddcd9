import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { STANDIN_SCRIPT_PATH } from "../../src/integrations/helpdesky/mode.ts";

const HINTS = /^(\s*)<TicketCenterHints slot="head" \/>\s*\n/m;
const BOOT_CONTAINER = /^\s*<div id="hdh-ticket-center"[\s\S]*?<\/div>\s*\n/m;
const BOOT_SCRIPT = /^\s*<script>[\s\S]*?bootTicketCenter[\s\S]*?<\/script>\s*\n/m;
const TOKEN_PRELOAD = '<link slot="head" rel="preload" as="fetch" href="/api/helpdesky-token" crossorigin="use-credentials" />';
const SCRIPT_PRELOAD = `<link slot="head" rel="preload" as="script" href="${STANDIN_SCRIPT_PATH}" />`;

/** One loading step of /support taken away, to measure what that step gives. */
interface SupportVariant {
  /** The page's source changed, or null when the page has no such step (then it is not measured). */
  source: (page: string) => string | null;
  /** The built page's HTML changed, for a step the build adds; it may write files in `clientDir`. */
  built?: (html: string, clientDir: string) => string;
}

/**
 * Variants of /support. Preconnect is not varied: its origin is Helpdesky's, which a loopback-only
 * benchmark never reaches, and in stand-in mode the script is same-origin.
 */
export const SUPPORT_VARIANTS: Record<string, SupportVariant> = {
  // The island alone, as before the boot module: it fetches the token and adds the script once
  // React has loaded. The static container goes too, or the island's own would be a second one.
  "support-no-boot": {
    source: (page) => (BOOT_CONTAINER.test(page) && BOOT_SCRIPT.test(page) ? page.replace(BOOT_SCRIPT, "").replace(BOOT_CONTAINER, "") : null),
  },
  // The boot module as Astro writes it: deferred (after the stylesheets), its imports found one
  // level at a time.
  "support-boot-deferred": {
    source: (page) => (BOOT_SCRIPT.test(page) ? page : null),
    built: (html) => html.replace(/<link rel="modulepreload"[^>]*>/g, "").replace('<script type="module" async ', '<script type="module" '),
  },
  // The site's styles in a linked stylesheet, as Astro writes them by default for stylesheets over
  // 4 KiB: the island's inline scripts then wait for it, and the parser with them.
  "support-linked-stylesheet": {
    source: (page) => page,
    built: (html, clientDir) => {
      const head = html.slice(0, html.indexOf("</head>"));
      const styles = [...head.matchAll(/<style>([\s\S]*?)<\/style>/g)];
      if (styles.length === 0) throw new Error("support-linked-stylesheet: /support has no inline <style> in its <head> to link instead");
      mkdirSync(join(clientDir, "_astro"), { recursive: true });
      writeFileSync(join(clientDir, "_astro/bench-linked.css"), styles.map((style) => style[1]).join("\n"));
      // The link takes the first style's place, where Astro puts its stylesheet links.
      let edited = html.replace(styles[0]![0], '<link rel="stylesheet" href="/_astro/bench-linked.css">');
      for (const [tag] of styles.slice(1)) edited = edited.replace(tag, "");
      return edited;
    },
  },
  "support-no-token-preload": {
    source: (page) => (HINTS.test(page) ? page.replace(HINTS, (_, indent: string) => `${indent}${SCRIPT_PRELOAD}\n`) : null),
  },
  "support-no-script-preload": {
    source: (page) => (HINTS.test(page) ? page.replace(HINTS, (_, indent: string) => `${indent}${TOKEN_PRELOAD}\n`) : null),
  },
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
  for (const [name, variant] of Object.entries(SUPPORT_VARIANTS)) {
    const changed = variant.source(page);
    if (changed === null) continue;
    writeFileSync(join(copyDir, "src/pages/bench", `${name}.astro`), changed);
    written.push(name);
  }
  return written;
}

/** Applies the variants' changes to their built pages (Node build: dist/client/bench/<name>/). */
export function editBuiltSupportVariants(copyDir: string): void {
  for (const [name, variant] of Object.entries(SUPPORT_VARIANTS)) {
    const page = join(copyDir, "dist/client/bench", name, "index.html");
    if (variant.built && existsSync(page)) writeFileSync(page, variant.built(readFileSync(page, "utf8"), join(copyDir, "dist/client")));
  }
}
