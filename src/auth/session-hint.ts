import type { AstroCookies } from "astro";
import { SESSION_HINT_COOKIE } from "./session-hint-cookie.ts";

/** A session's life when the provider does not say: the demo sign-in's. */
const DEFAULT_MAX_AGE_SECONDS = 60 * 60 * 8;

const hintCookieOptions = {
  httpOnly: false,
  sameSite: "lax",
  secure: !import.meta.env.DEV,
  path: "/",
} as const;

/** Tells the static pages that someone is signed in, for as long as the session lasts. */
export function markSignedIn(cookies: AstroCookies, maxAge = DEFAULT_MAX_AGE_SECONDS): void {
  cookies.set(SESSION_HINT_COOKIE, "1", { ...hintCookieOptions, maxAge });
}

/** Tells the static pages that nobody is signed in. */
export function markSignedOut(cookies: AstroCookies): void {
  cookies.delete(SESSION_HINT_COOKIE, { path: hintCookieOptions.path });
}

/**
 * Brings the hint in line with the session a request really has: a session that expired, was
 * revoked or was made by a provider that knows nothing of the hint is corrected on the next
 * on-demand request (on /support, the token request its island makes). A hint made here lasts as
 * long as the session says it will, or the demo's 8 hours when it does not say.
 */
export function syncSessionHint(
  cookies: AstroCookies,
  session: { user: unknown; expiresAt?: number } | null,
  now = Date.now(),
): void {
  const hinted = cookies.get(SESSION_HINT_COOKIE)?.value === "1";
  if (session && !hinted) {
    const remaining =
      session.expiresAt === undefined
        ? DEFAULT_MAX_AGE_SECONDS
        : Math.floor((session.expiresAt - now) / 1000);
    if (remaining > 0) markSignedIn(cookies, remaining);
  } else if (!session && cookies.has(SESSION_HINT_COOKIE)) {
    markSignedOut(cookies);
  }
}
