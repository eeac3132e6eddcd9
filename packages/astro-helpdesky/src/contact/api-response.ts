import { contactMailto } from "./mailto.ts";
import { DEFAULT_FIELD_TEXTS, type FieldTexts } from "./fields.ts";
import { outcomeNotice } from "./messages.ts";
import type { ContactOutcome } from "./submission.ts";

const HEADERS = {
  "Content-Type": "application/json",
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex",
};

/**
 * The JSON body a script gets for an outcome: what happened and, on failure, a stable `error` code
 * (a site may word it itself), the notice to show (worded here from the site's messages, as for
 * the no-JS form, so the React form ships none of that text) and what to do next.
 */
export function apiBody(
  outcome: ContactOutcome,
  texts: FieldTexts = DEFAULT_FIELD_TEXTS,
): Record<string, unknown> {
  if (outcome.kind === "sent") return { status: "sent" };
  const failure = { error: outcome.kind, message: outcomeNotice(outcome, texts) };
  switch (outcome.kind) {
    case "invalid":
      return { ...failure, fields: outcome.errors };
    case "rate_limited":
    case "in_flight":
      return { ...failure, retryAfter: outcome.retryAfterSeconds };
    case "not_configured":
    case "delivery_failed":
    case "delivery_uncertain": {
      const { supportEmail, values } = outcome;
      // The mailto fallback, with the visitor's subject and message filled in.
      const mailto = supportEmail
        ? { email: supportEmail, href: contactMailto(supportEmail, values) }
        : null;
      return { ...failure, mailto };
    }
    default:
      return failure;
  }
}

/** The API's response for an outcome. */
export function apiResponse(
  outcome: ContactOutcome,
  texts: FieldTexts = DEFAULT_FIELD_TEXTS,
): Response {
  const headers: Record<string, string> = { ...HEADERS };
  if (outcome.kind === "rate_limited" || outcome.kind === "in_flight")
    headers["Retry-After"] = String(outcome.retryAfterSeconds);
  return new Response(JSON.stringify(apiBody(outcome, texts)), { status: outcome.status, headers });
}

/** 405 for anything but POST. */
export function methodNotAllowed(): Response {
  return new Response(JSON.stringify({ error: "method_not_allowed" }), {
    status: 405,
    headers: { ...HEADERS, Allow: "POST" },
  });
}
