import { createHash } from "node:crypto";
import { SESSION_HINT_COOKIE } from "../auth/session-hint-cookie.ts";

/**
 * The header's one script, inline in <head> so it runs before the first paint (no layout shift):
 * it marks <html data-session="in|out"> from the identity-free hint cookie, and again when the
 * page comes back from the back/forward cache, becomes visible again, or (where the browser has
 * the Cookie Store API) the cookie changes, so that a sign-out in another tab shows here too. Under
 * Astro's client router, it marks it again after each swap: the router replaces <html>'s
 * attributes with the next page's, and runs this script only once per page load.
 */
export const SESSION_STATE_SCRIPT =
  `(()=>{const r=document.documentElement,s=()=>{r.dataset.session=/(?:^|;\\s*)${SESSION_HINT_COOKIE}=1(?:;|$)/.test(document.cookie)?"in":"out"};` +
  `s();addEventListener("pageshow",s);for(const e of["visibilitychange","astro:after-swap"])document.addEventListener(e,s);self.cookieStore?.addEventListener("change",s)})()`;

/** The script's hash, which the page's Content-Security-Policy lists instead of 'unsafe-inline'. */
export const SESSION_STATE_SCRIPT_HASH =
  `sha256-${createHash("sha256").update(SESSION_STATE_SCRIPT).digest("base64")}` as const;
