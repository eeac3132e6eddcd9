import type { APIRoute } from "astro";
import { apiResponse, methodNotAllowed } from "../api-response.ts";
import { clientAddressOf, submitContactRequest } from "../contact-runtime.ts";

export const prerender = false;

export const POST: APIRoute = async (context) =>
  apiResponse(await submitContactRequest(context.request, clientAddressOf(context)));

export const ALL: APIRoute = () => methodNotAllowed();
