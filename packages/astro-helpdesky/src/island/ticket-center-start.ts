import { loadAnonymousFallback } from "virtual:helpdesky/fallback-loader";
import { fetchToken, type TokenResult } from "./fetch-token.ts";
import { listenForSignOut } from "./identity-channel.ts";
import { enterIdentity } from "./identity-marker.ts";
import { pageFallback } from "./page-fallback.ts";
import { clearHelpdeskyStorage } from "./page-teardown.ts";
import { mountTicketCenterScript } from "./script-registry.ts";
import { showContainerLoading } from "./ticket-center-container.ts";

/** How the Ticket Center script ended: it ran, or it failed to load (error event or timeout). */
export type ScriptOutcome = "loaded" | "failed";

/** One attempt at showing the Ticket Center: the token request, then the script. */
export interface TicketCenterStart {
  /** The token endpoint asked; an island only adopts a start made for its own `tokenUrl`. */
  tokenUrl: string;
  /** The `#hdh-ticket-center` element the script is added to. */
  container: HTMLElement;
  /** The token endpoint's answer; on `ok`, the script has been added by the time it settles. */
  token: Promise<TokenResult>;
  /**
   * The same answer once it has come, else undefined: an island adopting a start whose token has
   * already answered 401 or failed renders that state from its first paint, rather than a loading
   * state above a Contact Form the boot module may have shown.
   */
  settled(): TokenResult | undefined;
  /**
   * Calls `listener` once the script has loaded or failed, at once if it already has. A callback
   * rather than a promise, so the outcome reaches React in the same task as the script's event.
   */
  onScript(listener: (outcome: ScriptOutcome) => void): void;
  /**
   * Whether another tab announced a sign-out since this attempt began: the boot module starts
   * before the island listens, and a sign-out in that window must not leave the panel up.
   */
  signedOutElsewhere(): boolean;
  /** Aborts the token request and removes the script and everything it added. Idempotent. */
  dispose(): void;
}

/**
 * Asks for the signed-in user's token and, on 200, adds Helpdesky's script to `container`. Used by
 * the boot module (before React has loaded) and by the island itself when no boot start is there.
 */
export function startTicketCenter(
  container: HTMLElement,
  tokenUrl: string,
  { timeoutMs }: { timeoutMs: number },
): TicketCenterStart {
  const controller = new AbortController();
  let signedOut = false;
  const stopListening = listenForSignOut(() => (signedOut = true));
  let removeScript: (() => void) | undefined;
  let outcome: ScriptOutcome | undefined;
  let settled: TokenResult | undefined;
  const listeners: ((outcome: ScriptOutcome) => void)[] = [];
  const settle = (result: ScriptOutcome) => {
    outcome = result;
    for (const listener of listeners.splice(0)) listener(result);
  };

  // The visitor needs the fallback (the Contact Form), and should not wait for React for it. An
  // anonymous visitor gets the page's server-rendered one now, in place of the loading state; after
  // a failure the island shows it with its message, which goes above it (shown now, the form would
  // be pushed down as it is read). On a page without one, the island's chunk starts now, alongside
  // React, rather than a round trip after the island has rendered; the island's own import gets
  // the same module, and reports a failure to load it.
  const offerFallback = (anonymous: boolean) => {
    if (controller.signal.aborted) return;
    // Nobody is signed in: whatever Helpdesky kept in this browser was a previous user's. Cleared
    // here, not only by the island, which an anonymous visitor may never load.
    if (anonymous) clearHelpdeskyStorage();
    const fallback = pageFallback();
    if (!fallback) {
      loadAnonymousFallback().catch(() => {});
    } else if (anonymous) {
      fallback.hidden = false;
      showContainerLoading(container, false);
    }
  };

  const token = (async (): Promise<TokenResult> => {
    // Decided before the first await, so that `settled()` knows it at once: the island adopting
    // this start then renders the anonymous state from its first paint.
    // The head script's mark (`SIGNED_OUT_ATTRIBUTE` of signed-in-hint.ts), read here as a
    // literal: a few bytes fewer in the chunk every visitor of the page downloads.
    const result: TokenResult = document.documentElement.hasAttribute("data-hdh-signed-out")
      ? { kind: "unauthenticated" }
      : await fetchToken(tokenUrl, { timeoutMs, signal: controller.signal });
    if (result.kind !== "ok") {
      // No panel will show, so no sign-out elsewhere can concern this attempt.
      stopListening();
      // The page's fallback comes after the container in the HTML: a token that answers before
      // the parser has reached it waits for the document.
      if (result.kind === "aborted") return result;
      const offer = () => offerFallback(result.kind === "unauthenticated");
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", offer);
      else offer();
      return (settled = result);
    }
    enterIdentity(result.token.email);
    if (controller.signal.aborted) return { kind: "aborted" };
    removeScript = mountTicketCenterScript(container, result.token, {
      timeoutMs,
      onLoad: () => settle("loaded"),
      onError: () => settle("failed"),
    });
    return (settled = result);
  })();

  return {
    tokenUrl,
    container,
    token,
    settled: () => settled,
    onScript(listener) {
      if (outcome === undefined) listeners.push(listener);
      else listener(outcome);
    },
    signedOutElsewhere: () => signedOut,
    dispose() {
      stopListening();
      controller.abort();
      listeners.length = 0;
      removeScript?.();
    },
  };
}
