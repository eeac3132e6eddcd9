import { pageFallback } from "./page-fallback.ts";
import type { TicketCenterStart } from "./ticket-center-start.ts";

/**
 * Marks the `<template>` the build wraps around the Ticket Center's `<astro-island>` on a page the
 * boot module starts: inside it the island does not hydrate, so React and the island's chunks do
 * not share the visitor's link with Helpdesky's script and its first requests. The boot module
 * puts the island into the page once it has no more use for the link.
 */
export const HELD_ISLAND_ATTRIBUTE = "data-hdh-held-island";
/** Its value on the package's own island, which an anonymous visitor with the page's form can do without. */
export const OWN_ISLAND_HOLD = "ticket-center";

/**
 * Releases the held island (every one: a site's island that wraps the Ticket Center's is held too)
 * once `start` no longer needs the link: at once when the token says no panel will show (the
 * island has a message or the form to add), else once Helpdesky's script has loaded or failed.
 * A template the parser has yet to reach waits for the document. An anonymous visitor on a page
 * with its own Contact Form (`<TicketCenterFallback />`, shown by the boot) has everything the
 * package's island would show them in the HTML already: that island stays held, and unless the
 * site has islands of its own, React never loads for them.
 */
export function releaseHeldIslandAfter(start: TicketCenterStart): void {
  const release = (anonymous?: boolean) => {
    if (document.readyState === "loading")
      document.addEventListener("DOMContentLoaded", () => release(anonymous));
    else {
      // Literals, not built from the constants: a few bytes every visitor of the page downloads.
      // A site's island that wraps the Ticket Center's has more to show: it always comes in.
      const kept =
        anonymous && pageFallback() ? ':not([data-hdh-held-island="ticket-center"])' : "";
      for (const template of document.querySelectorAll<HTMLTemplateElement>(
        `template[data-hdh-held-island]${kept}`,
      ))
        template.replaceWith(template.content);
    }
  };
  void start.token.then((result) => {
    if (result.kind === "ok") start.onScript(() => release());
    else release(result.kind === "unauthenticated");
  });
}
