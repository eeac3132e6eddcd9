/**
 * The auth seam: the only place the site asks "who is signed in?". `src/middleware.ts` calls
 * `getSession` on every on-demand request and puts the user on `Astro.locals`, where the Helpdesky
 * integration reads it. To use Auth.js, Better Auth, Clerk, Lucia-style sessions or Supabase,
 * replace this file with its recipe from docs/auth-recipes/ (README, "Plugging in a real auth
 * provider", lists the other steps).
 * Sign-out must then revoke the session on the provider's side, as the demo's denylist does here:
 * deleting the cookie alone leaves copies of it valid.
 */
import { parseCookie } from "./parse-cookie.ts";
import { SESSION_COOKIE, unsealSession } from "./demo-session.ts";
import { isSessionRevoked } from "./demo-session-revocation.ts";

export interface Session {
  /** The email exactly as the provider stores it: Helpdesky matches it byte for byte. */
  user: { email: string };
  /** True for the demo sign-in, which the Helpdesky integration refuses against real credentials. */
  demo: boolean;
  /** When the session ends (ms since the epoch), if the provider says: the header's hint ends then too. */
  expiresAt?: number;
}

/** The signed-in user of a request, or null when there is none. */
export async function getSession(request: Request): Promise<Session | null> {
  const session = unsealSession(parseCookie(request.headers.get("cookie"), SESSION_COOKIE));
  // A signed-out cookie stays validly signed until it expires: the denylist refuses it.
  if (session === null || (await isSessionRevoked(session))) return null;
  return { user: { email: session.email }, demo: true, expiresAt: session.expiresAt };
}
