/**
 * A minimal Astro 7 app written from scratch, as an adopter following the package's README would
 * write it: the Node adapter, React, the integration with no options, a middleware with a sign-in
 * of its own (a cookie holding the email), and one support page holding `<TicketCenter />`.
 */

/** The cookie this app's own "sign-in" sets: the visitor's email, as a real provider's session would give it. */
export const APP_SESSION_COOKIE = "fresh_app_user";

export const FRESH_APP_FILES: Record<string, string> = {
  "package.json": `${JSON.stringify({ name: "fresh-astro-app", version: "0.0.0", private: true, type: "module" }, null, 2)}\n`,
  "astro.config.mjs": `import { defineConfig } from "astro/config";
import node from "@astrojs/node";
import react from "@astrojs/react";
import helpdesky from "astro-helpdesky";

export default defineConfig({
  adapter: node({ mode: "standalone" }),
  integrations: [react(), helpdesky()],
});
`,
  "tsconfig.json": `${JSON.stringify(
    {
      extends: "astro/tsconfigs/strict",
      include: [".astro/types.d.ts", "**/*"],
      exclude: ["dist"],
      compilerOptions: { jsx: "react-jsx", jsxImportSource: "react" },
    },
    null,
    2,
  )}\n`,
  "src/env.d.ts": `/// <reference types="astro/client" />
/// <reference types="astro-helpdesky/locals" />
`,
  "src/middleware.ts": `import { defineMiddleware } from "astro:middleware";

// This app's own sign-in: a cookie holding the visitor's email. Prerendered pages have no visitor.
export const onRequest = defineMiddleware((context, next) => {
  const email = context.isPrerendered ? undefined : context.cookies.get("${APP_SESSION_COOKIE}")?.value;
  context.locals.user = email ? { email } : null;
  context.locals.demoSession = false;
  return next();
});
`,
  "src/pages/support.astro": `---
import { TicketCenter } from "astro-helpdesky/components";
---

<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Support</title>
  </head>
  <body>
    <main>
      <h1>Support</h1>
      <TicketCenter />
    </main>
  </body>
</html>
`,
};
