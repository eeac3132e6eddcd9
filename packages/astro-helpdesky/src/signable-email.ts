/** The longest email Helpdesky's contract allows us to sign (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 320;

/** Thrown for an email that must not be signed; the message says why. */
export class UnsignableEmailError extends Error {
  override name = "UnsignableEmailError";
}

// C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators.
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** Refuses an email that Helpdesky could never match: empty, too long, or holding control characters. */
export function assertSignableEmail(email: string): void {
  if (email.length === 0) throw new UnsignableEmailError("The email is empty.");
  if (email.length > MAX_EMAIL_LENGTH) {
    throw new UnsignableEmailError(`The email is longer than ${MAX_EMAIL_LENGTH} characters.`);
  }
  if (CONTROL_OR_LINE_BREAK.test(email)) {
    throw new UnsignableEmailError("The email holds a control character or a line break.");
  }
}
