/**
 * The inline script the build writes after a held Ticket Center island: when the page has loaded
 * and the boot module never ran (its chunk blocked by an extension, or lost on the network), it
 * lets the island in, which then starts the Ticket Center itself. Without it the visitor would be
 * left on the loading state. A page's `load` waits for its module scripts, so by then the boot
 * module has run or failed; when it ran, it made the registry and releases the island itself.
 * Constant, so that its CSP hash is known when the config is set up.
 */
export const HELD_ISLAND_FALLBACK_SCRIPT =
  `addEventListener("load",()=>{globalThis[Symbol.for("helpdesky.ticket-center-island.registry")]||` +
  `document.querySelectorAll("template[data-hdh-held-island]").forEach(t=>t.replaceWith(t.content))})`;

/** `html` with the fallback after its first held island, unless it is there already. */
export function addHeldIslandFallback(html: string, attribute: string): string {
  const script = `<script>${HELD_ISLAND_FALLBACK_SCRIPT}</script>`;
  const open = html.indexOf(`<template ${attribute}>`);
  if (open === -1 || html.includes(script)) return html;
  const close = html.indexOf("</template>", open);
  if (close === -1) return html;
  const end = close + "</template>".length;
  return `${html.slice(0, end)}${script}${html.slice(end)}`;
}
