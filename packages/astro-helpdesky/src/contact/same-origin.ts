/**
 * True when a request names this site as its origin. Only the site's own pages call the JSON
 * API, and browsers send `Origin` on every POST; Astro's `checkOrigin` covers form bodies only,
 * so a JSON body needs this check of its own (the same comparison as Astro's).
 */
export function fromThisSite(origin: string | null, siteOrigin: string): boolean {
  return origin !== null && origin === siteOrigin;
}
