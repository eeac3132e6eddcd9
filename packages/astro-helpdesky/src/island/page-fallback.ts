/** The id of a page's server-rendered fallback, `TicketCenterFallback.astro`. */
export const PAGE_FALLBACK_ID = "hdh-fallback";

/** The page's server-rendered fallback, if it has one. */
export function pageFallback(): HTMLElement | null {
  return document.getElementById(PAGE_FALLBACK_ID);
}

/**
 * Shows or hides the page's server-rendered fallback, and says whether the page has one. Done on
 * the DOM rather than by React, because the boot module shows it before React has loaded.
 */
export function showPageFallback(shown: boolean): boolean {
  const fallback = pageFallback();
  if (fallback) fallback.hidden = !shown;
  return fallback !== null;
}
