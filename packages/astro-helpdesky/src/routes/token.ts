import type { APIRoute } from "astro";
import { helpdeskyMode } from "../runtime-config.ts";
import { tokenOutcome } from "../token-response.ts";

export const prerender = false;

// The body signs a user: no cache may keep it, and it differs per cookie.
const HEADERS = {
  "Content-Type": "application/json",
  "Cache-Control": "private, no-store",
  Vary: "Cookie",
  "X-Robots-Tag": "noindex",
};

export const GET: APIRoute = async ({ locals }) => {
  const outcome = await tokenOutcome(locals.user, locals.demoSession, helpdeskyMode);
  if ("log" in outcome && outcome.log) console.warn(`[helpdesky] ${outcome.log}`);
  return new Response(JSON.stringify(outcome.body), { status: outcome.status, headers: HEADERS });
};

export const HEAD: APIRoute = async (context) => {
  const response = await GET(context);
  return new Response(null, { status: response.status, headers: response.headers });
};

export const ALL: APIRoute = () =>
  new Response(JSON.stringify({ error: "method_not_allowed" }), {
    status: 405,
    headers: { ...HEADERS, Allow: "GET, HEAD" },
  });
