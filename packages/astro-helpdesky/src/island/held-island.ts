import type { TicketCenterStart } from "./ticket-center-start.ts";

/**
 * Marks the `<template>` the build wraps around the Ticket Center's `<astro-island>` on a page the
 * boot module starts: inside it the island does not hydrate, so React and the island's chunks do
 * not share the visitor's link with Helpdesky's script and its first requests. The boot module
 * puts the island into the page once it has no more use for the link.
 */
export const HELD_ISLAND_ATTRIBUTE = "data-hdh-held-island";

/** Puts every held island of the page in its template's place, where it hydrates at once. */
export function releaseHeldIslands(): void {
  for (const template of document.querySelectorAll<HTMLTemplateElement>(
    `template[${HELD_ISLAND_ATTRIBUTE}]`,
  )) {
    template.replaceWith(template.content);
  }
}

/** Releases the held island now, or once the document is parsed if its template may be to come. */
function releaseWhenParsed(): void {
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", releaseHeldIslands, { once: true });
  else releaseHeldIslands();
}

/**
 * Releases the held island once `start` no longer needs the link: at once when the token says no
 * panel will show (the island has a message or the form to add), else once Helpdesky's script has
 * loaded or failed. Without a start (no container, or an island already runs), at once.
 */
export function releaseHeldIslandAfter(start: TicketCenterStart | null): void {
  if (!start) return releaseWhenParsed();
  void start.token.then((result) => {
    if (result.kind === "ok") start.onScript(releaseWhenParsed);
    else releaseWhenParsed();
  });
}
