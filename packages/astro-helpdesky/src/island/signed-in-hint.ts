/**
 * The site's signed-in hint (the `signedInCookie` option): a cookie that names nobody, set while
 * someone is signed in. Without it, the visitor is anonymous as far as the page can tell, and the
 * Ticket Center's page shows the Contact Form at first paint instead of asking the token endpoint.
 * With it, the token endpoint decides: a stale hint still ends in the form (401) or the panel (200).
 */

/** Set on `<html>` by the head script when the hint says nobody is signed in; the CSS shows the form from it. */
export const SIGNED_OUT_ATTRIBUTE = "data-hdh-signed-out";

/**
 * The inline `<head>` script of a page whose site gives the hint: with the cookie, it starts the
 * token request as the `<link rel="preload">` it replaces would (the boot module's fetch takes it
 * over); without it, it marks `<html>`, so the form shows at first paint, before any module loads.
 * `name` and `tokenUrl` come from validated options (a cookie name, a path): nothing to escape.
 */
export function signedInHintScript(name: string, tokenUrl: string): string {
  return (
    `(()=>{if(/(?:^|;\\s*)${name}=[^;\\s]/.test(document.cookie)){const l=document.createElement("link");` +
    `l.rel="preload";l.as="fetch";l.href=${JSON.stringify(tokenUrl)};l.crossOrigin="use-credentials";` +
    `document.head.append(l)}else document.documentElement.setAttribute("${SIGNED_OUT_ATTRIBUTE}","")})()`
  );
}
