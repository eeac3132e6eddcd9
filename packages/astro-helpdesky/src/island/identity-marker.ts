import { clearHelpdeskyStorage } from "./page-teardown.ts";

/** Holds a fingerprint of the email whose Ticket Center this browser last showed, never the email. */
export const IDENTITY_MARKER_KEY = "hdh-island:identity";

/**
 * A 64-bit fingerprint of `email` (two FNV-1a style 32-bit hashes). Synchronous on purpose: it
 * sits between the token's arrival and Helpdesky's script, where an async digest costs a task.
 */
export function emailFingerprint(email: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < email.length; i++) {
    const code = email.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return [a, b].map((h) => (h >>> 0).toString(16).padStart(8, "0")).join("");
}

/**
 * Clears what a Helpdesky script left in storage for anyone but `email` (a previous user of a
 * shared browser who closed the tab without signing out), then records `email` as the current one.
 */
export function enterIdentity(email: string): void {
  const current = emailFingerprint(email);
  try {
    if (localStorage.getItem(IDENTITY_MARKER_KEY) !== current) clearHelpdeskyStorage();
    localStorage.setItem(IDENTITY_MARKER_KEY, current);
  } catch {
    // Storage is off (a privacy mode): then there is nothing a previous user could have left.
  }
}
