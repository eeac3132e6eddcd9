/**
 * The Contact Form's fields and rules as plain data: names, limits, labels and messages. The
 * server's schema (`schema.ts`) is built from them, and the React form checks them in the
 * browser without a schema library; test/unit/contact-fields.test.ts holds the two checks to the
 * same answers. Lengths count UTF-16 code units, as the browser's `maxlength` does.
 */
export const CONTACT_LIMITS = {
  name: 100,
  email: 320,
  subject: 150,
  message: 5000,
  source: 500,
} as const;

/** The visible fields, in the order the forms show them. */
export const CONTACT_FIELDS = ["name", "email", "subject", "message"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ContactValues = Partial<Record<ContactField, string>>;
export type ContactErrors = Partial<Record<ContactField, string>>;

/** The hidden field a person never fills; bots that fill every input do. */
export const HONEYPOT_FIELD = "website";

/** Labels, exactly as both forms show them. */
export const CONTACT_LABELS: Record<ContactField, string> = {
  name: "Name",
  email: "Email",
  subject: "Subject",
  message: "Message",
};

/** Hints under the labels, so that a limit is known before it is hit. */
export const CONTACT_HINTS: Record<ContactField, string> = {
  name: "Optional.",
  email: "We reply to this address.",
  subject: "Optional.",
  message: `Up to ${CONTACT_LIMITS.message.toLocaleString("en")} characters.`,
};

/** What an empty required field says; the fields not listed are optional. */
export const MISSING_MESSAGES: Partial<Record<ContactField, string>> = {
  email: "Enter your email address.",
  message: "Enter your message.",
};

export const INVALID_EMAIL_MESSAGE = "Enter a valid email address, like name@example.com.";

/**
 * A mailbox, an `@`, and a domain with a top-level part of two letters or more: Valibot's `email()`
 * rule, which the server used before this pattern was shared. Without the `i` flag, on purpose:
 * with `iu`, `\w` and `[a-z]` also match `ſ` and the Kelvin sign.
 */
export const EMAIL_PATTERN =
  /^[\w+-]+(?:\.[\w+-]+)*@[\da-zA-Z]+(?:[.-][\da-zA-Z]+)*\.[a-zA-Z]{2,}$/u;

/** Line breaks, which the one-line fields (name and subject) refuse. */
export const LINE_BREAK = /[\r\n\u2028\u2029]/u;

/**
 * Every other character a one-line field refuses: the C0 controls (NUL, ESC, tab, vertical tab,
 * form feed…), DEL, and the C1 controls, U+0085 (next line) among them. None is typed on purpose,
 * and each can split or disguise a header, a log line or a subject where the message is delivered.
 */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u;

/** The message for a value over its field's limit. */
export function tooLongMessage(field: ContactField): string {
  return `${CONTACT_LABELS[field]} must be at most ${CONTACT_LIMITS[field].toLocaleString("en")} characters.`;
}

/** The message for a line break in a one-line field. */
export function oneLineMessage(field: ContactField): string {
  return `${CONTACT_LABELS[field]} must fit on one line.`;
}

/** The message for any other control character in a one-line field. */
export function controlCharacterMessage(field: ContactField): string {
  return `${CONTACT_LABELS[field]} must not contain control characters.`;
}

/** The message for a field sent as something other than text (only a script can). */
export function notTextMessage(field: ContactField): string {
  return `${CONTACT_LABELS[field]} must be text.`;
}

/**
 * The browser's check of the visible fields: the server schema's rules, in its order, with its
 * messages (one per field, the first that fails), at a fraction of a schema library's weight.
 */
export function checkContactFields(values: ContactValues): ContactErrors {
  const errors: ContactErrors = {};
  for (const field of CONTACT_FIELDS) {
    const value = (values[field] ?? "").trim();
    const error = !value
      ? MISSING_MESSAGES[field]
      : value.length > CONTACT_LIMITS[field]
        ? tooLongMessage(field)
        : field === "email"
          ? EMAIL_PATTERN.test(value)
            ? undefined
            : INVALID_EMAIL_MESSAGE
          : field === "message"
            ? undefined
            : LINE_BREAK.test(value)
              ? oneLineMessage(field)
              : CONTROL_CHARACTER.test(value)
                ? controlCharacterMessage(field)
                : undefined;
    if (error) errors[field] = error;
  }
  return errors;
}
