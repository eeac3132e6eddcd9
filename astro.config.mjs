// @ts-check
import { defineConfig, envField, passthroughImageService } from "astro/config";
import node from "@astrojs/node";
import vercel from "@astrojs/vercel";
import react from "@astrojs/react";
import helpdesky, { SERVER_BODY_LIMIT_BYTES } from "astro-helpdesky";
import leanServerBundle from "./src/integrations/lean-server-bundle.ts";
import vercelStaticHeaders from "./src/integrations/vercel-static-headers.ts";
import { cspDirectives } from "./security-headers.mjs";
import { signOutUrl, supportSignInUrl } from "./src/auth/urls.ts";
import { SESSION_HINT_COOKIE } from "./src/auth/session-hint-cookie.ts";

// One switch picks the adapter: Vercel's build environment sets VERCEL=1, so a deploy needs no
// setting, and everywhere else the Node adapter builds a server that `npm run preview` runs.
const onVercel = Boolean(process.env.VERCEL);

// This is what older Astro called `output: "hybrid"`. Since Astro 5 that mode is folded into
// `output: "static"` (the default): every page is prerendered unless it exports
// `prerender = false`, and those few routes are rendered per request by the adapter.
export default defineConfig({
  output: "static",
  // staticHeaders: prerendered pages get their Content-Security-Policy as a header (Vercel: in the
  // output's config.json; Node: dist/_headers.json) instead of a <meta>, so frame-ancestors works.
  // bodySizeLimit: the Node adapter's default is 1 GiB; each route caps its own body far lower and
  // answers 413 itself (sign-in 8 KB, Contact Form 64 KB, stand-in API 32 KB); this 1 MB is the backstop.
  adapter: onVercel
    ? vercel({ staticHeaders: true })
    : node({ mode: "standalone", staticHeaders: true, bodySizeLimit: SERVER_BODY_LIMIT_BYTES }),
  // vercelStaticHeaders: makes the adapter's per-page policy routes match their own page alone and
  // let routing go on (see the module), so every path keeps vercel.json's headers and its function.
  integrations: [
    react(),
    // The header's signed-in hint also tells /support, at first paint, that nobody is signed in.
    helpdesky({ signInUrl: supportSignInUrl, signOutUrl, signedInCookie: SESSION_HINT_COOKIE }),
    leanServerBundle(),
    ...(onVercel ? [vercelStaticHeaders()] : []),
  ],
  // The site's CSS (8 KiB raw on /support, 2 KiB compressed) goes inline. A linked stylesheet would
  // hold up the inline scripts Astro writes before each island, and with them the parser and the
  // Ticket Center's async boot module (the "stylesheet inlined" step of the README's time to
  // Ticket Center, `npm run bench`).
  build: { inlineStylesheets: "always" },
  vite: {
    environments: {
      client: {
        build: {
          rolldownOptions: {
            // React, react-dom, the JSX runtime and the scheduler load together on every page with
            // an island, so one chunk serves them: two requests and 0.6 KB gzip fewer than the
            // four small chunks the default split makes of them.
            output: {
              codeSplitting: {
                groups: [
                  { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
                ],
              },
            },
          },
        },
      },
    },
  },
  // The site optimises no images; the default service would pull ~20 MB of sharp into the function.
  image: { service: passthroughImageService() },
  // The site highlights no code. Shiki's inline styles would need 'unsafe-inline', and Astro warns
  // about them at every start while the policy is on.
  markdown: { syntaxHighlight: false },
  // Hashes Astro's inline scripts and styles, so no 'unsafe-inline' is needed. (Off under
  // `astro dev`, which computes no hashes: see the helpdesky integration's csp.ts.)
  security: { csp: { directives: [...cspDirectives] } },
  env: {
    schema: {
      // The demo sign-in's cookie key. Unset, a random key per server process is used.
      SESSION_SECRET: envField.string({ context: "server", access: "secret", optional: true }),
    },
  },
});
