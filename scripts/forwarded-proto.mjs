// Behind a TLS-terminating proxy, the browser's request was HTTPS while the Node server hears
// plain HTTP. The Node adapter takes a request's scheme from its socket alone, so the request URL
// would say http:// and every same-origin check (Astro's checkOrigin on forms, the Contact API's
// own) would refuse the browser's `Origin: https://…`. Pure, so the rule is unit-tested.

/**
 * Whether to treat a request as HTTPS: only when the site says it sits behind proxies it trusts
 * (`TRUSTED_PROXY_HOPS` of 1 or more, as for the visitor's address) and the proxy facing the
 * browser reported `https` in `X-Forwarded-Proto` (its first entry).
 */
export function forwardedAsHttps(
  /** @type {string | string[] | undefined} */ forwardedProto,
  /** @type {string | undefined} */ trustedProxyHops,
) {
  if (!(Number(trustedProxyHops) >= 1)) return false;
  const header = Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto;
  return header?.split(",")[0]?.trim().toLowerCase() === "https";
}
