import { ISLAND_OWNED_ATTRIBUTE } from "./page-teardown.ts";

/** The id Helpdesky's script renders into; one per page. */
export const CONTAINER_ID = "hdh-ticket-center";

const LOADING_CLASS = "hdh-ticket-center-loading";
// The boot module shares this module and never shows the status: the island passes the site's words.
const LOADING_TEXT = "Loading your support conversations…";

/**
 * Shows or hides the container's loading state: reserved height and an accessible status. Done on
 * the DOM rather than by React, because the container may be the boot module's node, made before
 * React ran; the status is marked as the island's, so a teardown never removes it.
 */
export function showContainerLoading(
  container: HTMLElement,
  loading: boolean,
  text = LOADING_TEXT,
): void {
  container.classList.toggle(LOADING_CLASS, loading);
  const status = container.querySelector(`:scope > .hdh-loading-status[${ISLAND_OWNED_ATTRIBUTE}]`);
  if (!loading) {
    status?.remove();
    return;
  }
  if (status) return;
  const paragraph = document.createElement("p");
  paragraph.className = "hdh-loading-status";
  paragraph.setAttribute("role", "status");
  paragraph.setAttribute("aria-live", "polite");
  paragraph.setAttribute(ISLAND_OWNED_ATTRIBUTE, "");
  paragraph.textContent = text;
  container.prepend(paragraph);
}

/** Makes a detached `#hdh-ticket-center` in its loading state, for an island started without the boot module. */
export function createContainer(loadingText = LOADING_TEXT): HTMLElement {
  const container = document.createElement("div");
  container.id = CONTAINER_ID;
  container.className = "hdh-ticket-center";
  showContainerLoading(container, true, loadingText);
  return container;
}
