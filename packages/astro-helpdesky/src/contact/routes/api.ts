import type { APIRoute } from "astro";
import { apiResponse, methodNotAllowed } from "../api-response.ts";
import { clientAddressOf, submitContactRequest } from "../contact-runtime.ts";
import { fromThisSite } from "../same-origin.ts";
import { contactTexts } from "../site-texts.ts";

export const prerender = false;

export const POST: APIRoute = async (context) => {
  // Refused before the rate limit counts it or the body is read.
  if (!fromThisSite(context.request.headers.get("origin"), context.url.origin))
    return apiResponse({ status: 403, kind: "cross_site" }, contactTexts);
  const outcome = await submitContactRequest(context.request, clientAddressOf(context));
  return apiResponse(outcome, contactTexts);
};

export const ALL: APIRoute = () => methodNotAllowed();
