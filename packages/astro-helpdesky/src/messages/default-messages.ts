/**
 * Every text the components show, in English: the defaults a site's `messages` option (or a
 * form's `messages` prop) is merged over. `{name}` marks a value filled in where it is shown; a
 * translation may move it or leave it out, but not invent one (the option's schema refuses that).
 * The package README lists these keys; test/unit/messages-readme.test.ts holds its table to them.
 */
export const DEFAULT_MESSAGES = {
  /** The language numbers in messages (`{max}`, `{seconds}`) are written in: a BCP 47 tag. */
  locale: "en",
  contactForm: {
    labels: { name: "Name", email: "Email", subject: "Subject", message: "Message" },
    hints: {
      name: "Optional.",
      email: "We reply to this address.",
      subject: "Optional.",
      message: "Up to {max} characters.",
    },
    /** The hidden anti-bot field's label; only screen readers that ignore `aria-hidden` meet it. */
    honeypotLabel: "Leave this empty",
    submit: "Send message",
    sending: "Sending…",
    writeAnother: "Write another message",
    mailtoLink: "Email it to us instead",
    errors: {
      emailMissing: "Enter your email address.",
      messageMissing: "Enter your message.",
      emailInvalid: "Enter a valid email address, like name@example.com.",
      tooLong: "{field} must be at most {max} characters.",
      oneLine: "{field} must fit on one line.",
      controlCharacter: "{field} must not contain control characters.",
      notText: "{field} must be text.",
    },
    /**
     * The notice above the form, keyed by the API's `error` code (`sent` on success; `network` and
     * `unexpected` are the browser's own, for an answer that never came or was not the API's).
     */
    notices: {
      sent: "Your message was sent. We will reply by email.",
      invalid: "Your message was not sent yet: please correct the fields marked below.",
      network:
        "We could not reach the server, so your message was not sent. Check your connection and try again.",
      unexpected: "Something went wrong, so your message was not sent. Please try again.",
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
      rate_limited:
        "Too many messages were sent from your connection. Your message was not sent: please wait {wait} and send it again.",
    },
    /** What `{wait}` of `notices.rate_limited` says. */
    wait: { unknown: "a minute", oneSecond: "1 second", seconds: "{seconds} seconds" },
  },
  ticketCenter: {
    loading: "Loading your support conversations…",
    /** `{email}` is shown in bold. */
    signedInAs: "Signed in as {email}",
    signOut: "Sign out",
    tryAgain: "Try again",
    signedOutElsewhere:
      "You signed out in another tab, so your support conversations were closed here.",
    alreadyOpen: "The Ticket Center is already open on this page.",
    formUnavailable:
      "The contact form could not load. Check your connection, then reload the page.",
    noscript: "Your support conversations need JavaScript.",
    noscriptForm: "The form below reaches us without it.",
    /** Keyed by the failure `onError` reports. */
    failures: {
      network: "We could not reach the support service. Check your connection, then try again.",
      timeout: "The support service is taking too long to answer. Try again in a moment.",
      server:
        "Something went wrong while opening your support conversations. Try again in a moment.",
      "bad-response":
        "Something went wrong while opening your support conversations. Try again in a moment.",
      "not-configured": "Support is not configured on this site yet.",
      "demo-auth-disabled": "Support conversations are not available for this way of signing in.",
      "unsignable-email":
        "The email address of your account cannot be used to open your support conversations.",
      script:
        "The support panel could not load. A content blocker, a browser extension or a lost connection may have stopped it.",
    },
  },
  /** The box around the Contact Form that visitors without a Ticket Center get. */
  fallback: {
    title: "Send us a message",
    intro: "No account needed: we answer by email.",
    /** Shown with a `signInUrl` only; `{link}` is the link, worded by `signInLink`. */
    signIn:
      "Have an account? {link} to open your support conversations, follow their history and reply.",
    signInLink: "Sign in",
  },
};

/** Widens a tree of string literals to strings, so that a translation type-checks. */
type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export type HelpdeskyMessages = Texts<typeof DEFAULT_MESSAGES>;
export type ContactFormMessages = HelpdeskyMessages["contactForm"];
export type TicketCenterMessages = HelpdeskyMessages["ticketCenter"];
export type FallbackMessages = HelpdeskyMessages["fallback"];

/** Any part of the messages, at any depth: what a site passes. */
export type MessageOverrides<T = HelpdeskyMessages> = {
  [K in keyof T]?: T[K] extends string ? string : MessageOverrides<T[K]>;
};
