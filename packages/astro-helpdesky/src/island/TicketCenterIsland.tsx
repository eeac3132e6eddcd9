import { loadAnonymousFallback } from "virtual:helpdesky/fallback-loader";
import {
  signInUrl as configuredSignInUrl,
  signOutUrl as configuredSignOutUrl,
} from "virtual:helpdesky/page-hints";
import { ticketCenter as texts } from "virtual:helpdesky/messages";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentType,
} from "react";
import { failureMessages } from "./failure-messages.ts";
import { splitMessage } from "../messages/format-message.ts";
import { fetchToken, type TicketCenterFailure } from "./fetch-token.ts";
import { announceSignOut, watchIdentity } from "./identity-channel.ts";
import { showPageFallback } from "./page-fallback.ts";
import { clearHelpdeskyStorage } from "./page-teardown.ts";
import {
  adoptBootStart,
  claimPage,
  onPageReleased,
  peekBootStart,
  releasePage,
} from "./script-registry.ts";
import { CONTAINER_ID, createContainer, showContainerLoading } from "./ticket-center-container.ts";
import { startTicketCenter, type TicketCenterStart } from "./ticket-center-start.ts";
// No stylesheet imports here: the island's styles (and those of the fallback it may load, whose
// chunk is imported by URL, where Astro cannot follow it to its styles) come with the Astro side,
// `<TicketCenter />` or the components entry. A client:only island's own CSS would be written
// into the page a second time, 4 KiB more HTML on /support.

export type { TicketCenterFailure } from "./fetch-token.ts";

const FAILURE_MESSAGES = failureMessages(texts);
// "Signed in as {email}": the email goes in bold, wherever the site's words put it.
const [signedInBefore, signedInAfter] = splitMessage(texts.signedInAs, "email");

/** Passed to `onError`. */
export interface TicketCenterError {
  failure: TicketCenterFailure;
  /** The token endpoint's HTTP status, when it answered. */
  status?: number;
}

/** Props of `<TicketCenterIsland>`; all optional. */
export interface TicketCenterIslandProps {
  /** The token endpoint; must match the integration's `tokenRoute`. Default `/api/helpdesky-token`. */
  tokenUrl?: string;
  /** How long to wait for the token, and then for the script, before giving up. Default 10000 ms. */
  timeoutMs?: number;
  /** Where the `Sign out` form posts. Default: the integration's `signOutUrl`; without one, no `Sign out` button. */
  signOutUrl?: string | null;
  /** Where the sign-in prompt links. Default: the integration's `signInUrl`; without one, no sign-in link. */
  signInUrl?: string | null;
  /** Called once the Ticket Center script has loaded for `email`. */
  onReady?: (detail: { email: string }) => void;
  /** Called on every failure, so a site can track them; the user sees a message either way. */
  onError?: (error: TicketCenterError) => void;
}

type View =
  | { kind: "loading" }
  | { kind: "ready"; email: string }
  | { kind: "anonymous" }
  | { kind: "failed"; failure: TicketCenterFailure }
  | { kind: "signing-out"; email: string }
  | { kind: "signed-out-elsewhere" };

type FallbackComponent = ComponentType<{ signInUrl: string | null }>;

// For pages without a server-rendered fallback (`TicketCenterFallback.astro`). Loaded only when
// shown: a signed-in user never downloads the Contact Form. When it cannot load (offline, or a new
// deploy removed the chunk), a message takes its place rather than the whole island failing.
// Loaded in an effect rather than with `lazy` and `<Suspense>`: React holds back content that
// resolves a suspended boundary until 300 ms after its fallback was shown, which would delay a
// form whose chunk the token's answer has usually loaded already.
function useFallback(wanted: boolean): FallbackComponent | null {
  const [fallback, setFallback] = useState<FallbackComponent | null>(null);
  useEffect(() => {
    if (!wanted || fallback) return;
    let active = true;
    const show = (component: FallbackComponent) => active && setFallback(() => component);
    loadAnonymousFallback().then(
      (m) => show(m.AnonymousFallback),
      () => show(FallbackUnavailable),
    );
    return () => {
      active = false;
    };
  }, [wanted, fallback]);
  return wanted ? fallback : null;
}

/**
 * Where the island starts: the state a boot start has already ended in without a panel (the boot
 * module has shown the page's Contact Form), so that its first paint does not put the loading state
 * back above that form; else loading.
 */
function firstView(tokenUrl: string): View {
  const boot = peekBootStart();
  const result = boot?.tokenUrl === tokenUrl ? boot.settled() : undefined;
  if (result?.kind === "unauthenticated") return { kind: "anonymous" };
  if (result?.kind === "failed") return { kind: "failed", failure: result.failure };
  return { kind: "loading" };
}

function FallbackUnavailable() {
  return (
    <p className="hdh-problem" role="alert">
      {texts.formUnavailable}
    </p>
  );
}

/**
 * Helpdesky's Ticket Center for the signed-in user, with a fallback for everyone else. Mount it
 * once, as `<TicketCenterIsland client:only="react" />`.
 */
export default function TicketCenterIsland({
  tokenUrl = "/api/helpdesky-token",
  timeoutMs = 10_000,
  signOutUrl = configuredSignOutUrl,
  signInUrl = configuredSignInUrl,
  onReady,
  onError,
}: TicketCenterIslandProps) {
  const [view, setView] = useState<View>(() => firstView(tokenUrl));
  const [attempt, setAttempt] = useState(0);
  // null until the page's one Ticket Center is decided; false for a second island on the page.
  const [ownsPage, setOwnsPage] = useState<boolean | null>(null);
  const owner = useRef({}).current;
  const hostRef = useRef<HTMLDivElement>(null);
  // `#hdh-ticket-center`: the boot module's node when it started the Ticket Center, else our own.
  const containerRef = useRef<HTMLElement | null>(null);
  // The boot module's start, adopted with its container and used by the first attempt instead of fetching again.
  const bootRef = useRef<TicketCenterStart | null>(null);
  // The attempt whose panel is shown: disposed on teardown, and asked about sign-outs it heard
  // before the island listened itself.
  const shownRef = useRef<TicketCenterStart | null>(null);
  const emailRef = useRef<string | null>(null);
  const callbacks = useRef({ onReady, onError });
  callbacks.current = { onReady, onError };

  const teardown = useCallback(() => {
    shownRef.current?.dispose();
    shownRef.current = null;
    emailRef.current = null;
  }, []);

  const restart = useCallback(() => {
    teardown();
    setView({ kind: "loading" });
    setAttempt((n) => n + 1);
  }, [teardown]);

  // Layout effects: the page is claimed and `#hdh-ticket-center` moved into the island before the
  // browser paints, so a panel the boot module's script already drew never flashes or goes missing.
  useLayoutEffect(() => {
    const claim = () => setOwnsPage(claimPage(owner));
    claim();
    const stop = onPageReleased(claim);
    return () => {
      stop();
      releasePage(owner);
    };
  }, [owner]);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (ownsPage !== true || !host) return;
    if (!containerRef.current) {
      const boot = adoptBootStart();
      // Its container is the page's one either way; a start for another endpoint is not ours to
      // show, though: drop it, and the first attempt asks our own.
      if (boot && boot.tokenUrl !== tokenUrl) boot.dispose();
      bootRef.current = boot?.tokenUrl === tokenUrl ? boot : null;
      // Without a boot start (under Astro's client router the boot module runs on the first visit
      // only), the page's own `#hdh-ticket-center` of `<TicketCenter />` is still ours to use: a
      // second one would leave it loading forever, and Helpdesky's script would pick the first.
      containerRef.current =
        boot?.container ?? document.getElementById(CONTAINER_ID) ?? createContainer(texts.loading);
    }
    host.append(containerRef.current);
  }, [ownsPage, tokenUrl]);

  const loading = view.kind === "loading";
  useLayoutEffect(() => {
    if (containerRef.current) showContainerLoading(containerRef.current, loading, texts.loading);
  }, [ownsPage, loading]);

  useEffect(() => {
    const container = containerRef.current;
    if (ownsPage !== true || !container) return;
    const start = bootRef.current ?? startTicketCenter(container, tokenUrl, { timeoutMs });
    bootRef.current = null;
    let active = true;
    const fail = (failure: TicketCenterFailure, status?: number) => {
      setView({ kind: "failed", failure });
      callbacks.current.onError?.(status === undefined ? { failure } : { failure, status });
    };

    void start.token.then((result) => {
      if (!active || result.kind === "aborted") return;
      if (result.kind === "unauthenticated") {
        clearHelpdeskyStorage();
        setView({ kind: "anonymous" });
        return;
      }
      if (result.kind === "failed") return fail(result.failure, result.status);
      const { email } = result.token;
      emailRef.current = email;
      shownRef.current = start;
      start.onScript((outcome) => {
        if (!active) return;
        if (outcome === "failed") {
          start.dispose();
          return fail("script");
        }
        setView({ kind: "ready", email });
        callbacks.current.onReady?.({ email });
      });
    });

    return () => {
      active = false;
      start.dispose();
      if (shownRef.current === start) shownRef.current = null;
    };
  }, [ownsPage, attempt, tokenUrl, timeoutMs]);

  // Kept across a client-router navigation (`transition:persist`), the island cannot know whether
  // the visitor signed out or in on the way: it starts over with a fresh token, as a new page would.
  // An island left behind on the old page is no longer connected by then, and unmounts.
  useEffect(() => {
    const onSwap = () => {
      if (hostRef.current?.isConnected) restart();
    };
    document.addEventListener("astro:after-swap", onSwap);
    return () => document.removeEventListener("astro:after-swap", onSwap);
  }, [restart]);

  // Bound to one identity: follow sign-outs and user switches made in other tabs.
  const watching = view.kind === "ready" || view.kind === "signed-out-elsewhere";
  useEffect(() => {
    if (!watching) return;
    const controller = new AbortController();
    const signedOut = () => {
      teardown();
      setView({ kind: "signed-out-elsewhere" });
    };
    // A sign-out announced before this listener existed (the boot module's panel was up) counts.
    if (shownRef.current?.signedOutElsewhere()) signedOut();
    const stop = watchIdentity((signal) => {
      if (signal === "signed-out") return signedOut();
      void fetchToken(tokenUrl, { timeoutMs, signal: controller.signal }).then((result) => {
        if (result.kind === "aborted" || result.kind === "failed") return;
        if (result.kind === "ok" && result.token.email === emailRef.current) return;
        restart();
      });
    });
    return () => {
      stop();
      controller.abort();
    };
  }, [watching, tokenUrl, timeoutMs, teardown, restart]);

  const signOut = () => {
    // Runs before the form submits: the panel and its storage are gone before the next page.
    const email = emailRef.current ?? "";
    teardown();
    clearHelpdeskyStorage();
    announceSignOut();
    setView({ kind: "signing-out", email });
  };

  // A sign-out form elsewhere on the page (a site header's, say) ends the session as ours does:
  // the panel and its storage go before the next page, and the other tabs hear of it.
  const signOutRef = useRef(signOut);
  signOutRef.current = signOut;
  const ready = view.kind === "ready";
  useEffect(() => {
    if (!ready || !signOutUrl) return;
    const action = new URL(signOutUrl, location.href).href;
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || hostRef.current?.parentElement?.contains(form))
        return;
      if (form.method === "post" && form.action === action) signOutRef.current();
    };
    document.addEventListener("submit", onSubmit);
    return () => document.removeEventListener("submit", onSubmit);
  }, [ready, signOutUrl]);

  const showFallback =
    view.kind === "anonymous" || view.kind === "failed" || view.kind === "signed-out-elsewhere";
  // Whether the page has its own, server-rendered fallback; unknown until the first answer.
  const [pageHasFallback, setPageHasFallback] = useState<boolean | null>(null);
  // Not while loading: the boot module may have shown the page's form already, and a retry keeps
  // it, with whatever the visitor is typing in it, until the Ticket Center replaces it.
  useLayoutEffect(() => {
    if (ownsPage === true && !loading) setPageHasFallback(showPageFallback(showFallback));
  }, [ownsPage, loading, showFallback]);
  const Fallback = useFallback(ownsPage === true && showFallback && pageHasFallback === false);

  if (ownsPage === false) {
    return <p className="hdh-duplicate">{texts.alreadyOpen}</p>;
  }

  const problem = view.kind === "failed" ? FAILURE_MESSAGES[view.failure] : null;

  return (
    <div className="hdh-island">
      {/* Holds the identity bar's place while loading, so the panel does not move when it appears. */}
      {loading && <div className="hdh-identity-slot" aria-hidden="true" />}
      {(view.kind === "ready" || view.kind === "signing-out") && (
        <div className="hdh-identity">
          <p>
            {signedInBefore}
            <strong>{view.email}</strong>
            {signedInAfter}
          </p>
          {/* A real form, so signing out works even if this script has failed. */}
          {signOutUrl && (
            <form method="post" action={signOutUrl} onSubmit={signOut}>
              <button className="hdh-button hdh-button-secondary" type="submit">
                {texts.signOut}
              </button>
            </form>
          )}
        </div>
      )}
      {problem && (
        <div className="hdh-problem" role="alert">
          <p>{problem.text}</p>
          {problem.retry && (
            <button className="hdh-button" type="button" onClick={restart}>
              {texts.tryAgain}
            </button>
          )}
        </div>
      )}
      {view.kind === "signed-out-elsewhere" && (
        <p className="hdh-problem" role="status">
          {texts.signedOutElsewhere}
        </p>
      )}
      {/* Holds `#hdh-ticket-center`, a node React does not render: see the layout effects. */}
      <div className="hdh-ticket-center-host" ref={hostRef} />
      {Fallback && <Fallback signInUrl={signInUrl} />}
    </div>
  );
}
