import * as v from "valibot";
import {
  CONTACT_FIELDS,
  CONTACT_LIMITS,
  CONTROL_CHARACTER,
  DEFAULT_FIELD_TEXTS,
  EMAIL_PATTERN,
  LINE_BREAK,
  controlCharacterMessage,
  invalidEmailMessage,
  missingMessage,
  notTextMessage,
  oneLineMessage,
  tooLongMessage,
  type ContactErrors,
  type ContactField,
  type FieldTexts,
} from "./fields.ts";

// The server's check, the source of truth: the rules and messages of fields.ts as a Valibot
// schema. The React form runs the same rules without Valibot (`checkContactFields`).
// Required fields default to "" when missing, so that a missing field gets the words an empty one
// does (not Valibot's "Invalid key" text); an optional field of another type gets words of its own.
const singleLine = (field: ContactField, texts: FieldTexts) =>
  [
    v.check((value: string) => !LINE_BREAK.test(value), oneLineMessage(field, texts)),
    v.check(
      (value: string) => !CONTROL_CHARACTER.test(value),
      controlCharacterMessage(field, texts),
    ),
  ] as const;

/** The schema with one form's texts; the site's messages are fixed at build time, so it is built once. */
function contactSchema(texts: FieldTexts) {
  const missing = (field: ContactField) => missingMessage(field, texts);
  return v.object({
    name: v.optional(
      v.pipe(
        v.string(notTextMessage("name", texts)),
        v.trim(),
        v.maxLength(CONTACT_LIMITS.name, tooLongMessage("name", texts)),
        ...singleLine("name", texts),
      ),
      "",
    ),
    email: v.optional(
      v.pipe(
        v.string(missing("email")),
        v.trim(),
        v.nonEmpty(missing("email")),
        v.maxLength(CONTACT_LIMITS.email, tooLongMessage("email", texts)),
        v.regex(EMAIL_PATTERN, invalidEmailMessage(texts)),
      ),
      "",
    ),
    subject: v.optional(
      v.pipe(
        v.string(notTextMessage("subject", texts)),
        v.trim(),
        v.maxLength(CONTACT_LIMITS.subject, tooLongMessage("subject", texts)),
        ...singleLine("subject", texts),
      ),
      "",
    ),
    message: v.optional(
      v.pipe(
        v.string(missing("message")),
        v.trim(),
        v.nonEmpty(missing("message")),
        v.maxLength(CONTACT_LIMITS.message, tooLongMessage("message", texts)),
      ),
      "",
    ),
    // The page the visitor wrote from; informational, so anything odd is dropped rather than refused.
    source: v.optional(
      v.fallback(
        v.pipe(v.string(), v.trim(), v.maxLength(CONTACT_LIMITS.source), v.startsWith("/")),
        "",
      ),
      "",
    ),
  });
}

export const ContactSchema = contactSchema(DEFAULT_FIELD_TEXTS);
const schemas = new WeakMap<FieldTexts, typeof ContactSchema>([
  [DEFAULT_FIELD_TEXTS, ContactSchema],
]);

export type ContactMessage = v.InferOutput<typeof ContactSchema>;

export type ContactValidation =
  { ok: true; message: ContactMessage } | { ok: false; errors: ContactErrors };

/** Validates raw input; on failure, gives the first message for each field that failed. */
export function validateContact(
  input: unknown,
  texts: FieldTexts = DEFAULT_FIELD_TEXTS,
): ContactValidation {
  let schema = schemas.get(texts);
  if (!schema) schemas.set(texts, (schema = contactSchema(texts)));
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, message: result.output };
  const errors: ContactErrors = {};
  for (const issue of result.issues) {
    const field = v.getDotPath(issue) as ContactField | null;
    if (field && CONTACT_FIELDS.includes(field) && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
