// Headers every response of the site carries, on Vercel (vercel.json) and on the Node server
// (scripts/serve.mjs). One list, so the two cannot drift; a test compares vercel.json with it.
/** @type {Record<string, string>} */
export const securityHeaders = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "X-Frame-Options": "DENY",
};
