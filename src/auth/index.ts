/**
 * The auth seam: the only place the site asks "who is signed in?". `src/middleware.ts` calls
 * `getSession` on every on-demand request and puts the user on `Astro.locals`, where the Helpdesky
 * integration reads it. To use Auth.js, Better Auth, Clerk, Lucia-style sessions or Supabase,
 * replace this file with its recipe from docs/auth-recipes/ (README, "Plugging in a real auth
 * provider", lists the other steps).
 */
import { parseCookie } from "./parse-cookie.ts";
import { SESSION_COOKIE, unsealSession } from "./demo-session.ts";

export interface Session {
  /** The email exactly as the provider stores it: Helpdesky matches it byte for byte. */
  user: { email: string };
  /** True for the demo sign-in, which the Helpdesky integration refuses against real credentials. */
  demo: boolean;
}

/** The signed-in user of a request, or null when there is none. */
export async function getSession(request: Request): Promise<Session | null> {
  const email = unsealSession(parseCookie(request.headers.get("cookie"), SESSION_COOKIE));
  return email === null ? null : { user: { email }, demo: true };
}
