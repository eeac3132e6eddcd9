import { createHmac } from "node:crypto";

/** What `verify` knows when a signature does not match. */
export interface MismatchInput {
  email: string;
  signature: string;
  /** The secret as configured, before the site trims it. */
  rawSecret: string;
  helpdeskId: string | undefined;
}

// The candidates include inputs the token endpoint refuses to sign (a trailing newline from
// `echo`), so they are hashed here directly rather than through signEmail.
function hmacHex(message: string, key: string): string {
  return createHmac("sha256", key).update(message, "utf8").digest("hex");
}

/**
 * The usual causes of a mismatch that explain this signature, each as one sentence with the fix;
 * empty when none does. Tries the signature's encoding, whitespace around the secret, the
 * email's case and spaces, and another field signed instead of the email.
 */
export function mismatchCauses(input: MismatchInput): string[] {
  const { email, rawSecret, helpdeskId } = input;
  const given = input.signature.trim();
  const secret = rawSecret.trim();
  const expected = hmacHex(email, secret);
  const digest = Buffer.from(expected, "hex");
  const causes: string[] = [];

  if (given !== expected && given.toLowerCase() === expected) {
    causes.push(
      'The signature is right but in upper-case hex: Helpdesky expects lower-case hex. Use .digest("hex") as is.',
    );
  }
  if (given === digest.toString("base64") || given === digest.toString("base64url")) {
    causes.push(
      'The signature is the right digest in base64: Helpdesky expects hex. Use .digest("hex").',
    );
  }

  const paddedSecrets = new Set([
    rawSecret,
    ` ${secret}`,
    `${secret} `,
    `${secret}\n`,
    `${secret}\r\n`,
    ` ${secret} `,
  ]);
  paddedSecrets.delete(secret);
  if ([...paddedSecrets].some((key) => hmacHex(email, key) === given)) {
    causes.push(
      "The signature was made with whitespace around the secret (a space or a line break copied with it). " +
        "Strip it where the signature was made; the site trims HELPDESKY_HMAC_SECRET.",
    );
  }

  const emailVariants = new Map<string, string>();
  for (const [variant, how] of [
    [email.trim(), "without the spaces around it"],
    [email.toLowerCase(), "in lower case"],
    [email.trim().toLowerCase(), "trimmed and in lower case"],
    [email.toUpperCase(), "in upper case"],
    [`${email}\n`, "with a trailing line break (echo without -n?)"],
  ] as const) {
    // The first, simplest description wins when two variants are the same string.
    if (variant !== email && !emailVariants.has(variant)) emailVariants.set(variant, how);
  }
  for (const [variant, how] of emailVariants) {
    if (hmacHex(variant, secret) === given) {
      causes.push(
        `The signature is for the email ${how}, not for "${email}" as given. Helpdesky matches the email ` +
          "byte for byte: sign it exactly as your auth provider and Helpdesky store it.",
      );
      break;
    }
  }

  const fields = new Map<string, string>();
  if (helpdeskId?.trim()) fields.set(helpdeskId.trim(), "the helpdesk id (HELPDESKY_HELPDESK_ID)");
  const at = email.lastIndexOf("@");
  if (at > 0) fields.set(email.slice(0, at), "the part of the email before the @");
  if (at > 0) fields.set(email.slice(at + 1), "the email's domain");
  fields.delete(email);
  for (const [value, what] of fields) {
    if (hmacHex(value, secret) === given) {
      causes.push(
        `The signature was made from ${what}, not from the email. Sign the user's email.`,
      );
    }
  }

  if (causes.length === 0 && !/^[0-9a-f]{64}$/i.test(given)) {
    causes.push(
      `The signature is not 64 hex characters (got ${given.length} characters): it is not a hex HMAC-SHA256 digest.`,
    );
  }
  return causes;
}
