import { timingSafeEqual } from "node:crypto";
import { signEmail } from "../sign.ts";

/**
 * True when `signature` is the HMAC of `email` under `secret`, as Helpdesky checks it on its
 * servers. Compared in constant time, so response timing reveals nothing about the expected value.
 */
export function verifySignature(email: string, signature: string, secret: string): boolean {
  let expected: string;
  try {
    expected = signEmail(email, secret);
  } catch {
    return false;
  }
  const given = Buffer.from(signature, "utf8");
  const wanted = Buffer.from(expected, "utf8");
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
