import type { TicketCenterToken } from "./fetch-token.ts";
import type { TicketCenterStart } from "./ticket-center-start.ts";
import { trackPageAdditions } from "./page-teardown.ts";
import { trackScriptEffects } from "./script-effects.ts";

/** Set on the one script element the island adds, so it can be found (and counted) on the page. */
export const SCRIPT_MARKER_ATTRIBUTE = "data-hdh-island-script";

interface Registry {
  /** The island instance that owns the page's Ticket Center, if any. */
  owner: object | null;
  /** Removes the current script and everything it added; set while a script is on the page. */
  disposeActive: (() => void) | null;
  listeners: Set<() => void>;
  /** What the boot module started before any island ran, until an island adopts it. */
  bootStart: TicketCenterStart | null;
}

// Kept on the global object: two copies of this module (two bundles on one page) still share it.
// Stryker disable next-line StringLiteral: any one name shared by every copy of the module works alike.
const REGISTRY_KEY = Symbol.for("helpdesky.ticket-center-island.registry");

function registry(): Registry {
  const scope = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Registry };
  return (scope[REGISTRY_KEY] ??= {
    owner: null,
    disposeActive: null,
    listeners: new Set(),
    bootStart: null,
  });
}

/** Makes `owner` the page's one Ticket Center island, unless another one already is. */
export function claimPage(owner: object): boolean {
  const state = registry();
  if (state.owner !== null && state.owner !== owner) return false;
  state.owner = owner;
  return true;
}

/** Gives up the page; islands waiting for it are told. */
export function releasePage(owner: object): void {
  const state = registry();
  if (state.owner !== owner) return;
  state.owner = null;
  for (const listener of [...state.listeners]) listener();
}

/** Whether an island owns the page or a boot start waits for one: then a boot module stays out. */
export function isTicketCenterStarted(): boolean {
  const state = registry();
  return state.owner !== null || state.bootStart !== null;
}

/** Leaves the boot module's start for the island to adopt. */
export function publishBootStart(start: TicketCenterStart): void {
  registry().bootStart = start;
}

/** The boot module's start, if there is one nobody has adopted yet, left in place. */
export function peekBootStart(): TicketCenterStart | null {
  return registry().bootStart;
}

/**
 * Ends a boot start nobody adopted whose container has left the document: with Astro's client
 * router, the visitor navigated away before the island mounted. The next page starts afresh.
 */
export function dropDetachedBootStart(): void {
  const state = registry();
  const start = state.bootStart;
  if (!start || start.container.isConnected) return;
  state.bootStart = null;
  start.dispose();
}

/** The boot module's start, if there is one nobody has adopted yet; hands it over only once. */
export function adoptBootStart(): TicketCenterStart | null {
  const state = registry();
  const start = state.bootStart;
  state.bootStart = null;
  return start;
}

/** Calls `listener` whenever the page is released. */
export function onPageReleased(listener: () => void): () => void {
  const { listeners } = registry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Appends Helpdesky's script to `container` with the embed's `data-*` attributes. Any script added
 * before is removed first, so there is never more than one per page. `onLoad` and `onError` are
 * called at most once; an error includes not loading within `timeoutMs`. The returned function
 * removes the script and everything it added to the page and to storage, and ends the listeners
 * and timers it registered.
 */
export function mountTicketCenterScript(
  container: HTMLElement,
  token: TicketCenterToken,
  {
    timeoutMs,
    onLoad,
    onError,
  }: {
    timeoutMs: number;
    onLoad: () => void;
    onError: () => void;
  },
): () => void {
  const state = registry();
  state.disposeActive?.();

  const untrack = trackPageAdditions(container);
  const script = document.createElement("script");
  script.src = new URL(token.scriptUrl, document.baseURI).href;
  script.async = true;
  script.dataset.helpdeskId = token.helpdeskId;
  script.dataset.email = token.email;
  script.dataset.signature = token.signature;
  // Stryker disable next-line StringLiteral: a presence attribute; its value is never read.
  script.setAttribute(SCRIPT_MARKER_ATTRIBUTE, "");

  let settled = false;
  const settle = (callback: () => void) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    callback();
  };
  const timer = setTimeout(() => settle(onError), timeoutMs);
  script.addEventListener("load", () => settle(onLoad));
  script.addEventListener("error", () => settle(onError));

  const endEffects = trackScriptEffects(script.src);
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    settled = true;
    clearTimeout(timer);
    // Stryker disable next-line CallExpression: untrack() removes it too, as a child of the container.
    script.remove();
    untrack();
    endEffects();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a mount disposes the active script before replacing it, so this is always the active one.
    if (state.disposeActive === dispose) state.disposeActive = null;
  };
  state.disposeActive = dispose;
  container.append(script);
  return dispose;
}
