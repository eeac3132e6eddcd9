import { fillMessage, formatCount } from "../messages/format-message.ts";
import { DEFAULT_FIELD_TEXTS, type FieldTexts } from "./fields.ts";
import type { ContactOutcome } from "./submission.ts";

// What each outcome tells the visitor, worded on the server for both forms (the no-JS page, and
// the API's answer to the React form) from the site's messages, keyed by the API's `error` code.
// Every failure says the message was not sent, but for a delivery that timed out, whose outcome
// is unknown: that one says it may not have been. Only delivery that succeeded says it was.

/** The wait a rate-limited visitor is asked for, when it is known. */
function waitText(retryAfterSeconds: number | undefined, { messages, locale }: FieldTexts): string {
  if (!retryAfterSeconds) return messages.wait.unknown;
  if (retryAfterSeconds === 1) return messages.wait.oneSecond;
  return fillMessage(messages.wait.seconds, {
    seconds: formatCount(retryAfterSeconds, locale),
  });
}

/** The notice a submission's outcome shows, in the no-JS form's page or in the React form. */
export function outcomeNotice(
  outcome: ContactOutcome,
  texts: FieldTexts = DEFAULT_FIELD_TEXTS,
): string {
  const notices = texts.messages.notices;
  switch (outcome.kind) {
    case "rate_limited":
      return fillMessage(notices.rate_limited, {
        wait: waitText(outcome.retryAfterSeconds, texts),
      });
    case "sent":
    case "invalid":
    case "honeypot":
    case "too_fast":
    case "too_large":
    case "cross_site":
    case "not_configured":
    case "delivery_failed":
    case "delivery_uncertain":
    case "in_flight":
      return notices[outcome.kind];
    default:
      return notices.unexpected;
  }
}
