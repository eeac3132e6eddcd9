/** Edits of a built page's HTML for the boot module: which module scripts it has, and how they start. */
const MODULE_SCRIPT = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*>/g;

/** The `src` of each external module script in `html`, in document order. */
export function moduleScriptSources(html: string): string[] {
  return [...html.matchAll(MODULE_SCRIPT)].map((match) => match[1]!);
}

/**
 * `html` with a `<link rel="modulepreload">` for each of `hrefs` at the end of its `<head>`, so
 * the browser asks for a module's imports with the module rather than one round trip later.
 * Hrefs the page already links are skipped; a page without a `</head>` is returned unchanged.
 */
export function addModulePreloads(html: string, hrefs: readonly string[]): string {
  const missing = [...new Set(hrefs)].filter((href) => !html.includes(`href="${href}"`));
  const at = html.indexOf("</head>");
  if (at === -1 || missing.length === 0) return html;
  const links = missing.map((href) => `<link rel="modulepreload" href="${href}">`).join("");
  return html.slice(0, at) + links + html.slice(at);
}

/**
 * `html` with the module script of `src` made `async`: it runs as soon as it has loaded, instead of
 * after the page's stylesheets and the whole document.
 */
export function makeModuleScriptAsync(html: string, src: string): string {
  return html.replace(`<script type="module" src="${src}">`, `<script type="module" async src="${src}">`);
}
