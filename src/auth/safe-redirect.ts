const BASE = "http://site.invalid";

/** Two slashes or backslashes in a row at the start: what browsers read as another host. */
const OTHER_HOST = /^[/\\]{2}/;

/** Control characters (browsers drop tabs and line breaks from a URL) and backslashes (read as "/"). */
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f\\]/;

/**
 * A same-site path to go to after sign-in; anything that could leave the site becomes `fallback`.
 * The decision is made on the path as the URL parser resolves it, since dot segments (plain or
 * percent-encoded) can turn `/..//host` into the protocol-relative `//host`; and on its decoded
 * form too, for a proxy or server that decodes `%2F` and `%5C` before redirecting again.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/support"): string {
  if (!next || !next.startsWith("/")) return fallback;
  // Control characters could smuggle a scheme or host past the parser; browsers read "\" as "/".
  if (UNSAFE_CHARACTER.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  // Decoded, `/%09/host` is `/<tab>/host`, which a browser reads as `//host`.
  if (OTHER_HOST.test(url.pathname) || OTHER_HOST.test(decoded) || UNSAFE_CHARACTER.test(decoded))
    return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
