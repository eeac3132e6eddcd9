import type { APIRoute } from "astro";
import { SESSION_COOKIE, sessionCookieOptions, unsealSession } from "../auth/demo-session.ts";
import { markSignedOut } from "../auth/session-hint.ts";
import { revokeSession } from "../auth/demo-session-revocation.ts";

export const prerender = false;

/**
 * Ends the demo session: revoked server-side, so a copy of the cookie is refused too, and deleted
 * in the browser. POST only, so a link or a prefetch can never sign anybody out.
 */
export const POST: APIRoute = async ({ cookies, redirect }) => {
  const session = unsealSession(cookies.get(SESSION_COOKIE)?.value);
  if (session) await revokeSession(session);
  cookies.delete(SESSION_COOKIE, { path: sessionCookieOptions.path });
  markSignedOut(cookies);
  return redirect("/login?signed-out", 303);
};

export const ALL: APIRoute = () => new Response(null, { status: 405, headers: { Allow: "POST" } });
