import { createHash } from "node:crypto";
import type { DeliveryResult } from "./delivery.ts";
import type { ContactMessage } from "./schema.ts";

/** What a browser may send as its key: a UUID or a similar opaque token. */
const CLIENT_KEY = /^[A-Za-z0-9_-]{16,100}$/;

/** True when the browser's key has a shape the server accepts. */
export function isValidClientKey(key: string): boolean {
  return CLIENT_KEY.test(key);
}

/** A digest of what the visitor wrote, so that a key reused for other content is caught. */
export function contentFingerprint(message: ContactMessage): string {
  const hash = createHash("sha256");
  for (const field of [message.name, message.email.toLowerCase(), message.subject, message.message]) {
    hash.update(field, "utf8").update("\u0000");
  }
  return hash.digest("hex");
}

/**
 * The key for a submission: the browser's own when JavaScript made one, otherwise derived from the
 * content, so a no-JS form posted twice is one message (a key in prerendered HTML would be shared
 * by every visitor).
 */
export function idempotencyKeyFor(clientKey: string | undefined, fingerprint: string): string {
  return clientKey ? `c-${clientKey}` : `d-${fingerprint.slice(0, 40)}`;
}

type Entry = { fingerprint: string; expires: number; result: Promise<DeliveryResult> };

export type Claim =
  | { kind: "new"; settle: (result: Promise<DeliveryResult>) => void }
  | { kind: "repeat"; result: Promise<DeliveryResult> }
  | { kind: "conflict" };

/**
 * Remembers, per key, the delivery in flight or done: a repeat joins it instead of delivering
 * again. Failed deliveries are forgotten so that the visitor can retry with the same key.
 */
export function memoryIdempotencyStore(ttlMs = 24 * 60 * 60_000, now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  return {
    /** Claims the key for a first delivery, or says it is a repeat (or a reuse for other content). */
    claim(key: string, fingerprint: string): Claim {
      const at = now();
      for (const [k, entry] of entries) if (entry.expires <= at) entries.delete(k);
      const existing = entries.get(key);
      if (existing) {
        return existing.fingerprint === fingerprint ? { kind: "repeat", result: existing.result } : { kind: "conflict" };
      }
      return {
        kind: "new",
        settle: (result) => {
          entries.set(key, { fingerprint, expires: at + ttlMs, result });
          void result.then((outcome) => {
            if (!outcome.ok) entries.delete(key);
          });
        },
      };
    },
  };
}

export type IdempotencyStore = ReturnType<typeof memoryIdempotencyStore>;
