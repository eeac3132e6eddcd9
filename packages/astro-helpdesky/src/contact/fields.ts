import { DEFAULT_MESSAGES, type ContactFormMessages } from "../messages/default-messages.ts";
import { fillMessage, formatCount } from "../messages/format-message.ts";

/**
 * The Contact Form's fields and rules as plain data: names, limits, and the messages worded from
 * `src/messages/`. The server's schema (`schema.ts`) is built from them, and the React form checks
 * them in the browser without a schema library; test/unit/contact-fields.test.ts holds the two
 * checks to the same answers. Lengths count UTF-16 code units, as the browser's `maxlength` does.
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

/**
 * The texts of one form: the site's (`virtual:helpdesky/messages`) or the English defaults, and
 * the language its numbers are written in.
 */
export interface FieldTexts {
  messages: ContactFormMessages;
  locale: string;
}

export const DEFAULT_FIELD_TEXTS: FieldTexts = {
  messages: DEFAULT_MESSAGES.contactForm,
  locale: DEFAULT_MESSAGES.locale,
};

/** A field's label, exactly as both forms show it. */
export function labelOf(field: ContactField, { messages }: FieldTexts = DEFAULT_FIELD_TEXTS) {
  return messages.labels[field];
}

/** The hint under a label, so that a limit is known before it is hit. */
export function hintOf(field: ContactField, texts: FieldTexts = DEFAULT_FIELD_TEXTS): string {
  return fillMessage(texts.messages.hints[field], {
    max: formatCount(CONTACT_LIMITS[field], texts.locale),
  });
}

/** What an empty required field says; `undefined` for an optional field. */
export function missingMessage(
  field: ContactField,
  { messages }: FieldTexts = DEFAULT_FIELD_TEXTS,
): string | undefined {
  if (field === "email") return messages.errors.emailMissing;
  if (field === "message") return messages.errors.messageMissing;
  return undefined;
}

export function invalidEmailMessage({ messages }: FieldTexts = DEFAULT_FIELD_TEXTS): string {
  return messages.errors.emailInvalid;
}

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
export function tooLongMessage(field: ContactField, texts: FieldTexts = DEFAULT_FIELD_TEXTS) {
  return fillMessage(texts.messages.errors.tooLong, {
    field: labelOf(field, texts),
    max: formatCount(CONTACT_LIMITS[field], texts.locale),
  });
}

/** The message for a line break in a one-line field. */
export function oneLineMessage(field: ContactField, texts: FieldTexts = DEFAULT_FIELD_TEXTS) {
  return fillMessage(texts.messages.errors.oneLine, { field: labelOf(field, texts) });
}

/** The message for any other control character in a one-line field. */
export function controlCharacterMessage(
  field: ContactField,
  texts: FieldTexts = DEFAULT_FIELD_TEXTS,
) {
  return fillMessage(texts.messages.errors.controlCharacter, { field: labelOf(field, texts) });
}

/** The message for a field sent as something other than text (only a script can). */
export function notTextMessage(field: ContactField, texts: FieldTexts = DEFAULT_FIELD_TEXTS) {
  return fillMessage(texts.messages.errors.notText, { field: labelOf(field, texts) });
}

/**
 * The browser's check of the visible fields: the server schema's rules, in its order, with its
 * messages (one per field, the first that fails), at a fraction of a schema library's weight.
 */
export function checkContactFields(
  values: ContactValues,
  texts: FieldTexts = DEFAULT_FIELD_TEXTS,
): ContactErrors {
  const errors: ContactErrors = {};
  for (const field of CONTACT_FIELDS) {
    const value = (values[field] ?? "").trim();
    const error = !value
      ? missingMessage(field, texts)
      : value.length > CONTACT_LIMITS[field]
        ? tooLongMessage(field, texts)
        : field === "email"
          ? EMAIL_PATTERN.test(value)
            ? undefined
            : invalidEmailMessage(texts)
          : field === "message"
            ? undefined
            : LINE_BREAK.test(value)
              ? oneLineMessage(field, texts)
              : CONTROL_CHARACTER.test(value)
                ? controlCharacterMessage(field, texts)
                : undefined;
    if (error) errors[field] = error;
  }
  return errors;
}
