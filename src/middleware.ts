import { defineMiddleware } from "astro:middleware";
import { getSession } from "./auth/index.ts";
import { syncSessionHint } from "./auth/session-hint.ts";

/**
 * Puts the signed-in user on `locals` for on-demand routes (prerendered pages have no visitor), and
 * keeps the static pages' signed-in hint true to the session.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) {
    context.locals.user = null;
    context.locals.demoSession = false;
    return next();
  }
  const session = await getSession(context.request);
  context.locals.user = session?.user ?? null;
  context.locals.demoSession = session?.demo ?? false;
  syncSessionHint(context.cookies, session);
  return next();
});
