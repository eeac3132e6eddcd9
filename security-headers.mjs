// The site's security policy, in one place:
// - `securityHeaders`: headers every response carries, on Vercel (vercel.json) and on the Node
//   server (scripts/serve.mjs). A test compares vercel.json with this list, so the two cannot drift.
// - `strictTransportSecurity`: HSTS, for a site served over HTTPS only. Vercel always is, so
//   vercel.json sends it on every response; the Node server (plain HTTP) sends it only when told
//   to (`HSTS=1`, for a server behind a TLS-terminating proxy).
// - `cspDirectives`: the site's own Content-Security-Policy directives, given to Astro's
//   `security.csp` in astro.config.mjs. Astro adds script-src and style-src with hashes of its
//   inline scripts and styles, the Helpdesky integration adds the Helpdesky origin, and the
//   adapters' `staticHeaders` send the whole policy as a header on every page, prerendered ones
//   included. That is why `frame-ancestors` can live here: it works in a header only, never in a
//   <meta> policy. (A second Content-Security-Policy header of our own would be replaced by
//   Astro's on on-demand pages.)

/** @type {Record<string, string>} */
export const securityHeaders = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  // The old spelling of frame-ancestors 'none', for clients that ignore CSP.
  "X-Frame-Options": "DENY",
};

/** Two years, subdomains included: a browser that saw it never tries plain HTTP on the site again. */
export const strictTransportSecurity = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
};

export const cspDirectives = /** @type {const} */ ([
  "default-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
]);
