import type { APIRoute } from "astro";
import { SESSION_COOKIE, sessionCookieOptions } from "../auth/demo-session.ts";
import { markSignedOut } from "../auth/session-hint.ts";

export const prerender = false;

/** Ends the demo session. POST only, so a link or a prefetch can never sign anybody out. */
export const POST: APIRoute = ({ cookies, redirect }) => {
  cookies.delete(SESSION_COOKIE, { path: sessionCookieOptions.path });
  markSignedOut(cookies);
  return redirect("/login?signed-out", 303);
};

export const ALL: APIRoute = () => new Response(null, { status: 405, headers: { Allow: "POST" } });
