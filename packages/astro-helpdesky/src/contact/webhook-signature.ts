import { createHmac, randomBytes } from "node:crypto";

// Standard Webhooks (standardwebhooks.com), as Svix, Resend and Supabase sign: any receiver can
// verify with an off-the-shelf library instead of hand-written code.
export const WEBHOOK_ID_HEADER = "webhook-id";
export const WEBHOOK_TIMESTAMP_HEADER = "webhook-timestamp";
export const WEBHOOK_SIGNATURE_HEADER = "webhook-signature";
/** Kept for receivers that deduplicate on it; the same value as `webhook-id`. */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

export const SECRET_PREFIX = "whsec_";
/** Shorter keys are refused: 24 bytes is the spec's lower bound, 32 what `webhook-secret` makes. */
export const MIN_SECRET_BYTES = 24;

export type ParsedSecret = { ok: true; key: Buffer } | { ok: false; problem: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Reads `whsec_<base64>` into the HMAC key, or says what is wrong (never quoting the value). */
export function parseWebhookSecret(secret: string): ParsedSecret {
  const fix = "generate one with `npx helpdesky webhook-secret`";
  if (!secret.startsWith(SECRET_PREFIX)) {
    return {
      ok: false,
      problem: `CONTACT_WEBHOOK_SECRET must have the form whsec_<base64>; ${fix}.`,
    };
  }
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (!BASE64.test(encoded) || encoded.length % 4 === 1) {
    return {
      ok: false,
      problem: `CONTACT_WEBHOOK_SECRET is not valid base64 after whsec_; ${fix}.`,
    };
  }
  const key = Buffer.from(encoded, "base64");
  if (key.length < MIN_SECRET_BYTES) {
    return {
      ok: false,
      problem: `CONTACT_WEBHOOK_SECRET is ${key.length} bytes long; at least ${MIN_SECRET_BYTES} are needed; ${fix}.`,
    };
  }
  return { ok: true, key };
}

/** A fresh secret: 32 random bytes as `whsec_<base64>`. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

/** `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, keyed with the decoded secret. */
export function signWebhook(key: Buffer, id: string, timestamp: number, body: string): string {
  const digest = createHmac("sha256", key)
    .update(`${id}.${timestamp}.${body}`, "utf8")
    .digest("base64");
  return `v1,${digest}`;
}
