/** Edits of a built page's HTML for the boot module: which module scripts it has, and how they start. */
const SCRIPT_TAG = /<script\b[^>]*>/g;

/** An external module script of a page: its opening tag as written, and its `src`. */
export interface ModuleScriptTag {
  tag: string;
  src: string;
}

/** The external module scripts in `html`, in document order. */
export function moduleScripts(html: string): ModuleScriptTag[] {
  const found: ModuleScriptTag[] = [];
  for (const [tag] of html.matchAll(SCRIPT_TAG)) {
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src && /\stype="module"/.test(tag)) found.push({ tag, src });
  }
  return found;
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
 * `html` with the module script whose opening tag is `tag` made `async`: it runs as soon as it has
 * loaded, instead of after the page's stylesheets and the whole document.
 */
export function makeModuleScriptAsync(html: string, tag: string): string {
  if (/\sasync\b/.test(tag)) return html;
  return html.replace(tag, tag.replace(/^<script\b/, "<script async"));
}
