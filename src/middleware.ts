import { defineMiddleware } from "astro:middleware";
import { getSession } from "./auth/index.ts";

/** Puts the signed-in user on `locals` for on-demand routes; prerendered pages have no visitor. */
export const onRequest = defineMiddleware(async (context, next) => {
  const session = context.isPrerendered ? null : await getSession(context.request);
  context.locals.user = session?.user ?? null;
  context.locals.demoSession = session?.demo ?? false;
  return next();
});
