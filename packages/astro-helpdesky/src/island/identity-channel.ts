/** The BroadcastChannel every island of the site listens on. */
export const IDENTITY_CHANNEL = "helpdesky-identity";

/**
 * What an island hears: another tab signed out (act at once), or a reason to ask the server again
 * who is signed in (storage was cleared elsewhere, or this tab became visible).
 */
export type IdentitySignal = "signed-out" | "recheck";

/**
 * Tells every other tab of this site that the user is signing out. BroadcastChannel is in every
 * browser Vite's default build target covers (Chrome 111, Firefox 114, Safari 16.4 and later); a
 * tab that misses the message rechecks when it is shown again.
 */
export function announceSignOut(): void {
  const channel = new BroadcastChannel(IDENTITY_CHANNEL);
  channel.postMessage({ type: "signed-out" });
  channel.close();
}

/** Calls `onSignedOut` when another tab announces a sign-out; returns the function that stops listening. */
export function listenForSignOut(onSignedOut: () => void): () => void {
  const channel = new BroadcastChannel(IDENTITY_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown } | null;
    if (data?.type === "signed-out") onSignedOut();
  };
  return () => channel.close();
}

/**
 * Calls `onSignal` when another tab signs out, when another tab clears storage, and when this tab
 * becomes visible again (a sign-in elsewhere may have changed the session). Returns the function
 * that stops listening.
 */
export function watchIdentity(onSignal: (signal: IdentitySignal) => void): () => void {
  const stopListening = listenForSignOut(() => onSignal("signed-out"));
  // A null key means another tab cleared storage, as some sign-out flows do.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null) onSignal("recheck");
  };
  const onVisibility = () => {
    if (document.visibilityState === "visible") onSignal("recheck");
  };
  window.addEventListener("storage", onStorage);
  document.addEventListener("visibilitychange", onVisibility);
  return () => {
    stopListening();
    window.removeEventListener("storage", onStorage);
    document.removeEventListener("visibilitychange", onVisibility);
  };
}
