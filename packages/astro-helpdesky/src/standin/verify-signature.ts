import { hmacKey } from "../sign-web-crypto.ts";
import { assertSignableEmail } from "../signable-email.ts";

const HEX_SIGNATURE = /^[0-9a-f]{64}$/;

/**
 * True when `signature` is the HMAC of `email` under `secret`, as Helpdesky checks it on its
 * servers. Web Crypto's `verify` compares in constant time, so response timing reveals nothing
 * about the expected value, and it runs on every adapter's runtime.
 */
export async function verifySignature(
  email: string,
  signature: string,
  secret: string,
): Promise<boolean> {
  try {
    assertSignableEmail(email);
  } catch {
    return false;
  }
  if (secret.length === 0 || !HEX_SIGNATURE.test(signature)) return false;
  const bytes = new Uint8Array(32);
  for (let index = 0; index < bytes.length; index++)
    bytes[index] = Number.parseInt(signature.slice(index * 2, index * 2 + 2), 16);
  const key = await hmacKey(secret, "verify");
  return crypto.subtle.verify("HMAC", key, bytes, new TextEncoder().encode(email));
}
