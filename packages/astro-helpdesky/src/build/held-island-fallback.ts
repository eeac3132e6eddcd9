/**
 * The inline script the build writes after a held Ticket Center island, so that the island is
 * never left held:
 * - On a page load, once the page has loaded, if the boot module never ran (its chunk blocked by
 *   an extension, or lost on the network): the island comes in and starts the Ticket Center
 *   itself. A page's `load` waits for its module scripts, so by then the boot module has run or
 *   failed; when it ran, it made the registry and releases the island itself.
 * - After a client-router navigation (`data-astro-rerun` has Astro run it again on each visit,
 *   and the document has long loaded): at once. The boot module runs once per page load, so on a later
 *   visit nothing else would let the island in.
 * Constant, so that its CSP hash is known when the config is set up.
 */
export const HELD_ISLAND_FALLBACK_SCRIPT =
  `(()=>{const r=()=>document.querySelectorAll("template[data-hdh-held-island]").forEach(t=>t.replaceWith(t.content));` +
  `document.readyState=="complete"?r():addEventListener("load",()=>globalThis[Symbol.for("helpdesky.ticket-center-island.registry")]||r())})()`;

/** `html` with the fallback after its first held island, unless it is there already. */
export function addHeldIslandFallback(html: string, attribute: string): string {
  const script = `<script data-astro-rerun>${HELD_ISLAND_FALLBACK_SCRIPT}</script>`;
  // The first held island, its attribute with a value or without.
  const open = html.search(new RegExp(`<template ${attribute}(?:="[^"]*")?>`));
  if (open === -1 || html.includes(script)) return html;
  const close = html.indexOf("</template>", open);
  if (close === -1) return html;
  const end = close + "</template>".length;
  return `${html.slice(0, end)}${script}${html.slice(end)}`;
}
