import { HELPDESKY_HMAC_SECRET } from "astro:env/server";
import { defineMiddleware } from "astro:middleware";
import { tokenUrl } from "virtual:helpdesky/page-hints";
import { createBoundedLog } from "../bounded-log.ts";
import { guardTokenRequest } from "../token-request-guard.ts";

// One log for the process: a cause every token request meets is written once a minute.
const log = createBoundedLog((line) => console.error(`[helpdesky] ${line}`));

/** Runs before the site's middleware, and guards the token request against it. */
export const onRequest = defineMiddleware((context, next) => {
  if (context.url.pathname.replace(/\/$/, "") !== tokenUrl) return next();
  return guardTokenRequest(next, {
    signal: context.request.signal,
    log,
    // Trimmed, as it is used: the value inside any whitespace around it is what must not leak.
    secrets: [HELPDESKY_HMAC_SECRET?.trim() ?? ""],
  });
});
