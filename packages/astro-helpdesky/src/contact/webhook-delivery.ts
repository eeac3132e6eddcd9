import type { ContactDelivery, Delivery, DeliveryResult } from "./delivery.ts";
import {
  IDEMPOTENCY_HEADER,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  signWebhook,
} from "./webhook-signature.ts";

export interface WebhookOptions {
  url: string;
  /** The decoded `whsec_` secret (see `parseWebhookSecret`). */
  key: Buffer;
  /** Per attempt. */
  timeoutMs?: number;
  retryDelayMs?: number;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
}

/** The JSON a receiver gets; `id` is the idempotency key, repeated for receivers that ignore headers. */
export function webhookPayload({ idempotencyKey, receivedAt, message }: Delivery) {
  return {
    type: "contact_message",
    id: idempotencyKey,
    receivedAt: receivedAt.toISOString(),
    name: message.name,
    email: message.email,
    subject: message.subject,
    message: message.message,
    source: message.source,
  };
}

type Attempt = DeliveryResult & { retry: boolean };

/**
 * Delivers by a JSON POST signed as Standard Webhooks say, retrying once on a network error, a
 * timeout or a 5xx.
 */
export function webhookDelivery(options: WebhookOptions): ContactDelivery {
  const { url, key, timeoutMs = 5000, retryDelayMs = 300 } = options;
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());

  async function attempt(delivery: Delivery): Promise<Attempt> {
    const body = JSON.stringify(webhookPayload(delivery));
    // Signed per attempt, so a retry carries a fresh timestamp; the id (the idempotency key) stays.
    const timestamp = Math.floor(now().getTime() / 1000);
    const id = delivery.idempotencyKey;
    try {
      const response = await doFetch(url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "helpdesky-contact-form",
          [WEBHOOK_ID_HEADER]: id,
          [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(key, id, timestamp, body),
          [IDEMPOTENCY_HEADER]: id,
        },
        body,
        // A redirected POST would turn into a GET elsewhere: treat it as a failure.
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      // Stryker disable next-line BooleanLiteral: a success is returned before `retry` is read
      if (response.ok) return { ok: true, retry: false };
      const detail = `the webhook answered HTTP ${response.status}`;
      return { ok: false, reason: "rejected", detail, retry: response.status >= 500 };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      return timedOut
        ? {
            ok: false,
            reason: "timeout",
            detail: `no answer from the webhook in ${timeoutMs} ms`,
            retry: true,
          }
        : {
            ok: false,
            reason: "network",
            detail: `the webhook could not be reached (${errorCode(error)})`,
            retry: true,
          };
    }
  }

  return {
    kind: "webhook",
    async deliver(delivery) {
      const first = await attempt(delivery);
      if (first.ok || !first.retry) return strip(first);
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      return strip(await attempt(delivery));
    },
  };
}

function strip({ retry: _retry, ...result }: Attempt): DeliveryResult {
  return result;
}

/** A short cause without the URL, which may carry a token in its path or query. */
function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === "string") return cause.code;
  return error instanceof Error ? error.name : "unknown error";
}
