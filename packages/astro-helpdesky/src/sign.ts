import { createHmac } from "node:crypto";
import { assertSignableEmail } from "./signable-email.ts";

export { assertSignableEmail, MAX_EMAIL_LENGTH, UnsignableEmailError } from "./signable-email.ts";

/**
 * HMAC-SHA256 of the email's UTF-8 bytes, keyed with the secret, as lower-case hex: what
 * Helpdesky computes to verify a Ticket Center user. The email is signed exactly as given;
 * changing its case or spaces would sign a different user than the one Helpdesky stores.
 * Synchronous, on `node:crypto`: for Node code (the CLI, a site's own scripts). The token route
 * signs with `signEmailOnAnyRuntime`, which falls back on Web Crypto where there is no Node.
 */
export function signEmail(email: string, secret: string): string {
  assertSignableEmail(email);
  if (secret.length === 0) throw new Error("The HMAC secret is empty.");
  return createHmac("sha256", secret).update(email, "utf8").digest("hex");
}
