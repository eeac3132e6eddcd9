import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The parts `<TicketCenter />` renders, in its order; a variant leaves one out or changes it. */
interface Parts {
  hints: string;
  container: string;
  boot: string;
}

const ALL_PARTS: Parts = {
  hints: "<TicketCenterHints />",
  container: `<div id="hdh-ticket-center" class="hdh-ticket-center hdh-ticket-center-loading">
    <p class="hdh-loading-status" role="status" aria-live="polite" data-hdh-island-owned>Loading your support conversations…</p>
  </div>`,
  boot: `<script>
    import { tokenUrl } from "virtual:helpdesky/page-hints";
    import { bootTicketCenter } from "astro-helpdesky/client";
    bootTicketCenter({ tokenUrl });
  </script>`,
};

/** `html` without the first match of `pattern`; a variant whose step is not there fails the run. */
function removeOnce(html: string, pattern: RegExp, variant: string): string {
  const edited = html.replace(pattern, "");
  if (edited === html) throw new Error(`${variant}: /support has no ${pattern.source} to remove`);
  return edited;
}

/** /support laid out from the package's exported parts, as `<TicketCenter />` lays them out. */
function supportPage(parts: Parts): string {
  return `---
import Layout from "../../layouts/Layout.astro";
import { TicketCenterFallback, TicketCenterHints, TicketCenterIsland } from "astro-helpdesky/components";
import { signInUrl, signOutUrl, tokenUrl } from "virtual:helpdesky/page-hints";
---

<Layout title="Support">
  <h1>Support</h1>
  <p class="lead">Your conversations with our team.</p>
  ${parts.hints}
  ${parts.container}
  ${parts.boot}
  <TicketCenterIsland client:only="react" tokenUrl={tokenUrl} signInUrl={signInUrl} signOutUrl={signOutUrl} />
  <TicketCenterFallback />
</Layout>
`;
}

/** One loading step of /support taken away, to measure what that step gives. */
interface SupportVariant {
  /** The page, from the parts of `<TicketCenter />`. */
  parts: Parts;
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
  "support-no-boot": { parts: { ...ALL_PARTS, container: "", boot: "" } },
  // The boot module as Astro writes it: deferred (after the stylesheets), its imports found one
  // level at a time.
  "support-boot-deferred": {
    parts: ALL_PARTS,
    built: (html) =>
      html
        .replace(/<link rel="modulepreload"[^>]*>/g, "")
        .replace('<script type="module" async ', '<script type="module" '),
  },
  // The site's styles in a linked stylesheet, as Astro writes them by default for stylesheets over
  // 4 KiB: the island's inline scripts then wait for it, and the parser with them.
  "support-linked-stylesheet": {
    parts: ALL_PARTS,
    built: (html, clientDir) => {
      const head = html.slice(0, html.indexOf("</head>"));
      const styles = [...head.matchAll(/<style>([\s\S]*?)<\/style>/g)];
      if (styles.length === 0)
        throw new Error(
          "support-linked-stylesheet: /support has no inline <style> in its <head> to link instead",
        );
      mkdirSync(join(clientDir, "_astro"), { recursive: true });
      writeFileSync(
        join(clientDir, "_astro/bench-linked.css"),
        styles.map((style) => style[1]).join("\n"),
      );
      // The link takes the first style's place, where Astro puts its stylesheet links.
      let edited = html.replace(
        styles[0]![0],
        '<link rel="stylesheet" href="/_astro/bench-linked.css">',
      );
      for (const [tag] of styles.slice(1)) edited = edited.replace(tag, "");
      return edited;
    },
  },
  // The island hydrated at once, as Astro writes it: React and the island's chunks download
  // while Helpdesky's script and its first requests do.
  "support-island-at-once": {
    parts: ALL_PARTS,
    built: (html) => {
      const edited = html.replace(
        /<template data-hdh-held-island(?:="[^"]*")?>(<astro-island\b[\s\S]*?<\/astro-island>)<\/template>/,
        "$1",
      );
      if (edited === html)
        throw new Error("support-island-at-once: /support holds no island in a template");
      return edited;
    },
  },
  // The hints as `<TicketCenterHints />` writes them, less one: the token's preload (the head
  // script that starts it, with the site's signed-in hint, or the link), or the script's.
  "support-no-token-preload": {
    parts: ALL_PARTS,
    built: (html) =>
      removeOnce(
        html,
        /<script data-hdh-hint>[^<]*<\/script>|<link rel="preload" as="fetch"[^>]*>/,
        "support-no-token-preload",
      ),
  },
  "support-no-script-preload": {
    parts: ALL_PARTS,
    built: (html) =>
      removeOnce(html, /<link rel="preload" as="script"[^>]*>/, "support-no-script-preload"),
  },
};

/**
 * Writes the variants of /support under the copy's src/pages/bench/, when the copy's /support is
 * the one tag whose parts they lay out. Returns the names of the variants written.
 */
export function writeSupportVariants(copyDir: string): string[] {
  const source = join(copyDir, "src/pages/support.astro");
  if (!existsSync(source) || !readFileSync(source, "utf8").includes("<TicketCenter />")) return [];
  const written: string[] = [];
  for (const [name, variant] of Object.entries(SUPPORT_VARIANTS)) {
    writeFileSync(join(copyDir, "src/pages/bench", `${name}.astro`), supportPage(variant.parts));
    written.push(name);
  }
  return written;
}

/** Applies the variants' changes to their built pages (Node build: dist/client/bench/<name>/). */
export function editBuiltSupportVariants(copyDir: string): void {
  for (const [name, variant] of Object.entries(SUPPORT_VARIANTS)) {
    const page = join(copyDir, "dist/client/bench", name, "index.html");
    if (variant.built && existsSync(page))
      writeFileSync(page, variant.built(readFileSync(page, "utf8"), join(copyDir, "dist/client")));
  }
}
