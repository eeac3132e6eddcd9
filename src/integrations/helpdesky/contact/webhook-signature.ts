import { createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "X-Contact-Signature";
export const TIMESTAMP_HEADER = "X-Contact-Timestamp";
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/**
 * The webhook's signature: HMAC-SHA256, keyed with the secret, over `<timestamp>.<raw body>`,
 * as `sha256=<lower-case hex>`. The timestamp (Unix seconds) lets a receiver refuse old replays.
 */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `sha256=${digest}`;
}
