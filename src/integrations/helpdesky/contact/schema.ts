import * as v from "valibot";

/**
 * The Contact Form's one source of truth: field names, limits and messages, shared by the server,
 * the server-rendered form and the React form so that the three can never disagree. Lengths count
 * UTF-16 code units, as the browser's `maxlength` does.
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

const LINE_BREAK = /[\r\n\u2028\u2029]/u;

const singleLine = (field: string) =>
  v.check((value: string) => !LINE_BREAK.test(value), `${field} must fit on one line.`);

export const ContactSchema = v.object({
  name: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(CONTACT_LIMITS.name, `Name must be at most ${CONTACT_LIMITS.name} characters.`),
      singleLine("Name"),
    ),
    "",
  ),
  email: v.pipe(
    v.string("Enter your email address."),
    v.trim(),
    v.nonEmpty("Enter your email address."),
    v.maxLength(CONTACT_LIMITS.email, `Email must be at most ${CONTACT_LIMITS.email} characters.`),
    v.email("Enter a valid email address, like name@example.com."),
  ),
  subject: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(CONTACT_LIMITS.subject, `Subject must be at most ${CONTACT_LIMITS.subject} characters.`),
      singleLine("Subject"),
    ),
    "",
  ),
  message: v.pipe(
    v.string("Enter your message."),
    v.trim(),
    v.nonEmpty("Enter your message."),
    v.maxLength(
      CONTACT_LIMITS.message,
      `Message must be at most ${CONTACT_LIMITS.message.toLocaleString("en")} characters.`,
    ),
  ),
  // The page the visitor wrote from; informational, so anything odd is dropped rather than refused.
  source: v.optional(
    v.fallback(v.pipe(v.string(), v.trim(), v.maxLength(CONTACT_LIMITS.source), v.startsWith("/")), ""),
    "",
  ),
});

export type ContactMessage = v.InferOutput<typeof ContactSchema>;
export type ContactValues = Partial<Record<ContactField, string>>;
export type ContactErrors = Partial<Record<ContactField, string>>;

export type ContactValidation =
  | { ok: true; message: ContactMessage }
  | { ok: false; errors: ContactErrors };

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
