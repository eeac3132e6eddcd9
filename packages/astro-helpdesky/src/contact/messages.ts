import type { ContactOutcome } from "./submission.ts";

// The few notices the React form words itself; every other one comes from the server, in the
// API's answer, so the browser never downloads text it may not show.
export const SENT_NOTICE = "Your message was sent. We will reply by email.";
export const INVALID_NOTICE =
  "Your message was not sent yet: please correct the fields marked below.";
export const NETWORK_NOTICE =
  "We could not reach the server, so your message was not sent. Check your connection and try again.";
export const UNEXPECTED_NOTICE =
  "Something went wrong, so your message was not sent. Please try again.";
export const MAILTO_LABEL = "Email it to us instead";

/**
 * What each outcome tells the visitor, worded on the server for both forms (the no-JS page, and
 * the API's answer to the React form). Every failure says the message was not sent, but for a
 * delivery that timed out, whose outcome is unknown: that one says it may not have been. Only
 * delivery that succeeded says it was.
 */
const CONTACT_NOTICES = {
  sent: SENT_NOTICE,
  invalid: INVALID_NOTICE,
  honeypot:
    "Your message was not sent because it looked automated. Please leave the “Leave this empty” field empty and send it again, or email us.",
  too_fast:
    "Your message was not sent because it was submitted very quickly. Please check it and send it again.",
  not_configured: "Support by form is not set up yet, so your message was not sent.",
  delivery_failed:
    "Your message could not be delivered, so it was not sent. Please try again in a moment.",
  delivery_uncertain:
    "Your message may not have been sent: the support service did not answer in time. Please send it again in a moment.",
  too_large: "Your message is too large, so it was not sent. Please shorten it and try again.",
  in_flight:
    "Your message is still being sent. Wait a few seconds and send it again: it will not be sent twice, and you will see whether it arrived.",
  cross_site:
    "Your message was not sent: it did not come from this site's own form. Please send it from the Contact page.",
} as const;

/** The notice for a rate-limited visitor, naming the wait when it is known. */
function rateLimitedNotice(retryAfterSeconds: number | undefined): string {
  const wait = !retryAfterSeconds
    ? "a minute"
    : retryAfterSeconds === 1
      ? "1 second"
      : `${retryAfterSeconds} seconds`;
  return `Too many messages were sent from your connection. Your message was not sent: please wait ${wait} and send it again.`;
}

/** The notice a submission's outcome shows, in the no-JS form's page or in the React form. */
export function outcomeNotice(outcome: ContactOutcome): string {
  switch (outcome.kind) {
    case "rate_limited":
      return rateLimitedNotice(outcome.retryAfterSeconds);
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
      return CONTACT_NOTICES[outcome.kind];
    default:
      return UNEXPECTED_NOTICE;
  }
}
