import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The tags a variant leaves out of /support's <head>, to measure what each one gives. */
const TAGS = {
  preload: /^\s*<link rel="preload" as="fetch"[^>]*\/>\s*\n/m,
  preconnect: /^\s*<link rel="preconnect"[^>]*\/>\s*\n/m,
};

export const SUPPORT_VARIANTS = {
  "support-no-preload": ["preload"],
  "support-no-preconnect": ["preconnect"],
  "support-no-hints": ["preload", "preconnect"],
} as const satisfies Record<string, (keyof typeof TAGS)[]>;

/**
 * Writes bench-only copies of the copy's src/pages/support.astro under src/pages/bench/, each
 * without some resource hints. Made from the real page, so they follow it as it changes. Returns
 * the variants written; none when the page has no such hints.
 */
export function writeSupportVariants(copyDir: string): string[] {
  const source = join(copyDir, "src/pages/support.astro");
  if (!existsSync(source)) return [];
  const page = readFileSync(source, "utf8").replaceAll('from "../', 'from "../../');
  const written: string[] = [];
  for (const [name, drop] of Object.entries(SUPPORT_VARIANTS)) {
    if (!drop.every((tag) => TAGS[tag].test(page))) continue;
    const variant = drop.reduce((text, tag) => text.replace(TAGS[tag], ""), page);
    writeFileSync(join(copyDir, "src/pages/bench", `${name}.astro`), variant);
    written.push(name);
  }
  return written;
}
