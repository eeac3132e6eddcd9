import { clearHelpdeskyStorage } from "./page-teardown.ts";

/** Holds a digest of the email whose Ticket Center this browser last showed, never the email. */
export const IDENTITY_MARKER_KEY = "hdh-island:identity";

async function digest(email: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(email));
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Clears what a Helpdesky script left in storage for anyone but `email` (a previous user of a
 * shared browser who closed the tab without signing out), then records `email` as the current one.
 */
export async function enterIdentity(email: string): Promise<void> {
  const current = await digest(email);
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(IDENTITY_MARKER_KEY);
  } catch {
    return;
  }
  if (current === null || stored !== current) clearHelpdeskyStorage();
  if (current !== null) localStorage.setItem(IDENTITY_MARKER_KEY, current);
}
