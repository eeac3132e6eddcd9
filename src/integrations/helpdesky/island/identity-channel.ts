/** The BroadcastChannel every island of the site listens on. */
export const IDENTITY_CHANNEL = "helpdesky-identity";
/** Written on sign-out so that tabs without BroadcastChannel hear it through a `storage` event. */
export const IDENTITY_STORAGE_KEY = "helpdesky-identity-signal";
/** What a teardown keeps in storage: the sign-out signal must survive the teardown that follows it. */
export const KEEP_STORAGE_KEYS: ReadonlySet<string> = new Set([IDENTITY_STORAGE_KEY]);

/**
 * What an island hears: another tab signed out (act at once), or a reason to ask the server again
 * who is signed in (storage was cleared elsewhere, or this tab became visible).
 */
export type IdentitySignal = "signed-out" | "recheck";

/** Tells every other tab of this site that the user is signing out. */
export function announceSignOut(): void {
  if (typeof BroadcastChannel === "function") {
    const channel = new BroadcastChannel(IDENTITY_CHANNEL);
    channel.postMessage({ type: "signed-out" });
    channel.close();
    return;
  }
  // No BroadcastChannel: a storage write reaches the other tabs as a `storage` event.
  try {
    localStorage.setItem(IDENTITY_STORAGE_KEY, String(Date.now()));
  } catch {
    // Storage disabled: other tabs check again when they become visible.
  }
}

/**
 * Calls `onSignal` when another tab signs out, when another tab clears storage, and when this tab
 * becomes visible again (a sign-in elsewhere may have changed the session). Returns the function
 * that stops listening.
 */
export function watchIdentity(onSignal: (signal: IdentitySignal) => void): () => void {
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(IDENTITY_CHANNEL) : undefined;
  if (channel) {
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { type?: unknown } | null;
      if (data?.type === "signed-out") onSignal("signed-out");
    };
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key === IDENTITY_STORAGE_KEY) onSignal("signed-out");
    // A null key means another tab cleared storage, as some sign-out flows do.
    else if (event.key === null) onSignal("recheck");
  };
  const onVisibility = () => {
    if (document.visibilityState === "visible") onSignal("recheck");
  };
  window.addEventListener("storage", onStorage);
  document.addEventListener("visibilitychange", onVisibility);
  return () => {
    channel?.close();
    window.removeEventListener("storage", onStorage);
    document.removeEventListener("visibilitychange", onVisibility);
  };
}
