import * as v from "valibot";
import {
  CONTACT_FIELDS,
  CONTACT_LIMITS,
  CONTROL_CHARACTER,
  EMAIL_PATTERN,
  INVALID_EMAIL_MESSAGE,
  LINE_BREAK,
  MISSING_MESSAGES,
  controlCharacterMessage,
  notTextMessage,
  oneLineMessage,
  tooLongMessage,
  type ContactErrors,
  type ContactField,
} from "./fields.ts";

// The server's check, the source of truth: the rules and messages of fields.ts as a Valibot
// schema. The React form runs the same rules without Valibot (`checkContactFields`).
// Required fields default to "" when missing, so that a missing field gets the words an empty one
// does (not Valibot's "Invalid key" text); an optional field of another type gets words of its own.
const singleLine = (field: ContactField) =>
  [
    v.check((value: string) => !LINE_BREAK.test(value), oneLineMessage(field)),
    v.check((value: string) => !CONTROL_CHARACTER.test(value), controlCharacterMessage(field)),
  ] as const;

export const ContactSchema = v.object({
  name: v.optional(
    v.pipe(
      v.string(notTextMessage("name")),
      v.trim(),
      v.maxLength(CONTACT_LIMITS.name, tooLongMessage("name")),
      ...singleLine("name"),
    ),
    "",
  ),
  email: v.optional(
    v.pipe(
      v.string(MISSING_MESSAGES.email),
      v.trim(),
      v.nonEmpty(MISSING_MESSAGES.email),
      v.maxLength(CONTACT_LIMITS.email, tooLongMessage("email")),
      v.regex(EMAIL_PATTERN, INVALID_EMAIL_MESSAGE),
    ),
    "",
  ),
  subject: v.optional(
    v.pipe(
      v.string(notTextMessage("subject")),
      v.trim(),
      v.maxLength(CONTACT_LIMITS.subject, tooLongMessage("subject")),
      ...singleLine("subject"),
    ),
    "",
  ),
  message: v.optional(
    v.pipe(
      v.string(MISSING_MESSAGES.message),
      v.trim(),
      v.nonEmpty(MISSING_MESSAGES.message),
      v.maxLength(CONTACT_LIMITS.message, tooLongMessage("message")),
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

export type ContactMessage = v.InferOutput<typeof ContactSchema>;

export type ContactValidation =
  { ok: true; message: ContactMessage } | { ok: false; errors: ContactErrors };

/** Validates raw input; on failure, gives the first message for each field that failed. */
export function validateContact(input: unknown): ContactValidation {
  const result = v.safeParse(ContactSchema, input);
  if (result.success) return { ok: true, message: result.output };
  const errors: ContactErrors = {};
  for (const issue of result.issues) {
    const field = v.getDotPath(issue) as ContactField | null;
    if (field && CONTACT_FIELDS.includes(field) && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
