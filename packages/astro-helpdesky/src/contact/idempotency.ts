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
  for (const field of [
    message.name,
    message.email.toLowerCase(),
    message.subject,
    message.message,
  ]) {
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

/** A repeat's answer: the first delivery's result, or `in_flight` when it did not end in time. */
export type RepeatResult = DeliveryResult | "in_flight";

export type Claim =
  | {
      kind: "new";
      /**
       * Records the delivery's result for repeats. What it returns settles once the record is
       * written: the request awaits it, because a Worker (workerd) cancels what a request
       * still has in flight once its response is sent.
       */
      settle: (result: Promise<DeliveryResult>) => void | Promise<void>;
    }
  | { kind: "repeat"; result: Promise<RepeatResult> }
  | { kind: "conflict" };

export interface IdempotencyStore {
  /** Claims the key for a first delivery, or says it is a repeat (or a reuse for other content). */
  claim(key: string, fingerprint: string): Promise<Claim>;
}

/** How long a delivered key is remembered. */
export const DELIVERED_TTL_MS = 24 * 60 * 60_000;

type Entry = { fingerprint: string; expires: number; result: Promise<DeliveryResult> };

/**
 * Remembers, per key, the delivery in flight or done, in this process: a repeat joins it instead
 * of delivering again. Failed deliveries are forgotten so that the visitor can retry with the same
 * key. Entries are kept in the order they expire, so forgetting old ones costs only what expired.
 */
export function memoryIdempotencyStore(
  ttlMs = DELIVERED_TTL_MS,
  now: () => number = Date.now,
): IdempotencyStore {
  const entries = new Map<string, Entry>();

  function forgetExpired(at: number) {
    // Every entry lives ttlMs from when it was set, and Map keeps insertion order: oldest first.
    for (const [key, entry] of entries) {
      if (entry.expires > at) break;
      entries.delete(key);
    }
  }

  return {
    async claim(key, fingerprint) {
      forgetExpired(now());
      const existing = entries.get(key);
      if (existing) {
        return existing.fingerprint === fingerprint
          ? { kind: "repeat", result: existing.result }
          : { kind: "conflict" };
      }
      // Taken now, before the delivery starts, so that a repeat arriving meanwhile joins it.
      let settle!: (result: Promise<DeliveryResult>) => void;
      const result = new Promise<DeliveryResult>((resolve) => (settle = resolve));
      const entry = { fingerprint, expires: now() + ttlMs, result };
      entries.set(key, entry);
      const forget = () => {
        if (entries.get(key) === entry) entries.delete(key);
      };
      void result.then((outcome) => {
        if (!outcome.ok) forget();
      }, forget);
      return { kind: "new", settle };
    },
  };
}
