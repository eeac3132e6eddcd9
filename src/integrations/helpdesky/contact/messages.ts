/**
 * What each outcome tells the visitor, shared by both forms. Every failure says the message was
 * not sent; only delivery that succeeded says it was.
 */
export const CONTACT_NOTICES = {
  sent: "Your message was sent. We will reply by email.",
  invalid: "Your message was not sent yet: please correct the fields marked below.",
  honeypot:
    "Your message was not sent because it looked automated. Please leave the “Leave this empty” field empty and send it again, or email us.",
  too_fast: "Your message was not sent because it was submitted very quickly. Please check it and send it again.",
  rate_limited: "Too many messages were sent from your connection. Your message was not sent: please wait a minute and send it again.",
  not_configured: "Support by form is not set up yet, so your message was not sent.",
  delivery_failed: "Your message could not be delivered, so it was not sent. Please try again in a moment.",
  network: "We could not reach the server, so your message was not sent. Check your connection and try again.",
  too_large: "Your message is too large to send. Please shorten it and try again.",
  unexpected: "Something went wrong, so your message was not sent. Please try again.",
  mailto: "Email it to us instead",
} as const;

export type ContactNotice = keyof typeof CONTACT_NOTICES;

/** The notice for a rate-limited visitor, naming the wait when it is known. */
export function rateLimitedNotice(retryAfterSeconds: number | undefined): string {
  if (!retryAfterSeconds) return CONTACT_NOTICES.rate_limited;
  const wait = retryAfterSeconds === 1 ? "1 second" : `${retryAfterSeconds} seconds`;
  return `Too many messages were sent from your connection. Your message was not sent: please wait ${wait} and send it again.`;
}
