// For a site's on-demand pages: the Contact Form's no-JavaScript path and the server's mode.
// Server-only: importing it resolves the configuration from `astro:env/server` (and logs what is
// missing), so the site's middleware and auth import `./store` and `./utils` instead.
export { clientAddressOf, submitContactRequest } from "./contact/contact-runtime.ts";
export type { FormPostResult } from "./contact/form-post.ts";
export { formPostResult } from "./contact/site-form-post.ts";
export { demoSignInAllowed, helpdeskyMode } from "./runtime-config.ts";
