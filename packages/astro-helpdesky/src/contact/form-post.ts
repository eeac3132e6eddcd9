import { contactMailto } from "./mailto.ts";
import { outcomeNotice } from "./messages.ts";
import {
  DEFAULT_FIELD_TEXTS,
  type ContactErrors,
  type ContactValues,
  type FieldTexts,
} from "./fields.ts";
import type { ContactOutcome } from "./submission.ts";

/** What a no-JS post leads to: the "sent" page, or the form again with the visitor's input. */
export type FormPostResult =
  | { kind: "redirect" }
  | {
      kind: "render";
      status: number;
      headers: Record<string, string>;
      values: ContactValues;
      errors: ContactErrors;
      notice: string;
      mailtoHref?: string;
    };

/** Turns a submission's outcome into what the server-rendered form shows, in `texts`' words. */
export function formPostResult(
  outcome: ContactOutcome,
  texts: FieldTexts = DEFAULT_FIELD_TEXTS,
): FormPostResult {
  const values = "values" in outcome ? outcome.values : {};
  const render = (
    notice: string,
    extra: Partial<FormPostResult & { kind: "render" }> = {},
  ): FormPostResult => ({
    kind: "render",
    status: outcome.status,
    headers: {},
    values,
    errors: {},
    notice,
    ...extra,
  });
  switch (outcome.kind) {
    case "sent":
      return { kind: "redirect" };
    case "invalid":
      return render(outcomeNotice(outcome, texts), { errors: outcome.errors });
    case "rate_limited":
    case "in_flight":
      return render(outcomeNotice(outcome, texts), {
        headers: { "Retry-After": String(outcome.retryAfterSeconds) },
      });
    case "not_configured":
    case "delivery_failed":
    case "delivery_uncertain": {
      const mailtoHref = outcome.supportEmail
        ? contactMailto(outcome.supportEmail, outcome.values)
        : undefined;
      return render(outcomeNotice(outcome, texts), { mailtoHref });
    }
    default:
      return render(outcomeNotice(outcome, texts));
  }
}
