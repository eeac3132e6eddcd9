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

/** The `component-url` of each `<astro-island>` in `html`, in document order. */
export function islandComponentUrls(html: string): string[] {
  return [...html.matchAll(/<astro-island\b[^>]*\scomponent-url="([^"]+)"/g)].map((m) => m[1]!);
}

/** The opening tag of the `<astro-island>` whose `component-url` is `componentUrl`. */
function islandTag(componentUrl: string): RegExp {
  return new RegExp(`<astro-island\\b[^>]*\\scomponent-url="${escapeRegExp(componentUrl)}"[^>]*>`);
}

/** The `component-export` of the `<astro-island>` whose `component-url` is `componentUrl`. */
export function islandComponentExport(html: string, componentUrl: string): string | undefined {
  const tag = html.match(islandTag(componentUrl))?.[0];
  return tag?.match(/\scomponent-export="([^"]*)"/)?.[1];
}

/**
 * `html` with the `<astro-island>` whose `component-url` is `componentUrl` wrapped in
 * `<template ${attribute}>` (`attribute` written out, with its value if it has one): parsed but
 * inert, it hydrates only once the boot module moves it out. A `client:only` island has no
 * children, so its element ends at the first close tag.
 */
export function holdIsland(html: string, componentUrl: string, attribute: string): string {
  const open = islandTag(componentUrl);
  const start = html.search(open);
  if (start === -1 || html.slice(0, start).endsWith(`<template ${attribute}>`)) return html;
  const close = html.indexOf("</astro-island>", start);
  if (close === -1) return html;
  const end = close + "</astro-island>".length;
  return `${html.slice(0, start)}<template ${attribute}>${html.slice(start, end)}</template>${html.slice(end)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
