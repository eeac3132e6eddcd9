import { assertSignableEmail } from "./signable-email.ts";

const encoder = new TextEncoder();

// A process signs with one secret: its key is imported once per use, not once per request.
const imported = new Map<string, { secret: string; key: Promise<CryptoKey> }>();

/** The secret as an HMAC-SHA256 key for Web Crypto. */
export function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  const cached = imported.get(usage);
  if (cached?.secret === secret) return cached.key;
  const key = crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    [usage],
  );
  // One entry per usage, replaced when the secret changes: the cache never grows.
  imported.set(usage, { secret, key });
  // A failed import is not kept for the next request.
  key.catch(() => {
    if (imported.get(usage)?.key === key) imported.delete(usage);
  });
  return key;
}

/**
 * The same signature as `signEmail` (HMAC-SHA256 of the email's UTF-8 bytes, lower-case hex), on
 * Web Crypto: Node, workerd (Cloudflare, with or without `nodejs_compat`), Netlify's and Vercel's
 * functions all have `crypto.subtle`, so the token route needs no Node built-in to sign.
 */
export async function signEmailWebCrypto(email: string, secret: string): Promise<string> {
  assertSignableEmail(email);
  if (secret.length === 0) throw new Error("The HMAC secret is empty.");
  const mac = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secret, "sign"),
    encoder.encode(email),
  );
  return Array.from(new Uint8Array(mac), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
