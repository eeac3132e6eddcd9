import { releaseHeldIslandAfter } from "./held-island.ts";
import {
  dropDetachedBootStart,
  isTicketCenterStarted,
  publishBootStart,
} from "./script-registry.ts";
import { CONTAINER_ID } from "./ticket-center-container.ts";
import { startTicketCenter } from "./ticket-center-start.ts";

/** Options of `bootTicketCenter`; they must match the island's props of the same names. */
export interface BootOptions {
  /** The token endpoint, as the page's `<link rel="preload">` names it. Default `/api/helpdesky-token`. */
  tokenUrl?: string;
  /** How long to wait for the token, and then for the script. Default 10000 ms. */
  timeoutMs?: number;
}

/**
 * Starts the Ticket Center without waiting for React: takes over the page's token preload and, on
 * 200, adds Helpdesky's script to the page's static `#hdh-ticket-center`. The island adopts the
 * container and this start when it mounts, so React's download no longer delays the panel. Does
 * nothing when the page has no such container or an island already runs. The build makes the
 * module that calls it async, so it may run before the parser reaches the container: then it
 * waits for the document to be parsed. A Ticket Center island the build holds back (`held-island.ts`)
 * is let into the page once the token has answered and Helpdesky's script has loaded. With Astro's
 * client router the module runs once per page load, not once per navigation: on later visits the
 * island starts the Ticket Center itself, and a start the visitor navigated away from before the
 * island adopted it ends with the old page.
 */
export function bootTicketCenter({
  tokenUrl = "/api/helpdesky-token",
  timeoutMs = 10_000,
}: BootOptions = {}): void {
  const boot = () => {
    const container = document.getElementById(CONTAINER_ID);
    // The build holds an island only on a page with the container, where the first boot starts.
    if (!container || isTicketCenterStarted()) return;
    const start = startTicketCenter(container, tokenUrl, { timeoutMs });
    publishBootStart(start);
    releaseHeldIslandAfter(start);
  };
  if (document.readyState === "loading" && !document.getElementById(CONTAINER_ID)) {
    // DOMContentLoaded fires once: no `once` option needed (bytes every visitor downloads).
    document.addEventListener("DOMContentLoaded", boot);
  } else boot();
  document.addEventListener("astro:after-swap", dropDetachedBootStart);
}
