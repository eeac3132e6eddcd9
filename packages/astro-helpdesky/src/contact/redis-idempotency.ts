import { randomUUID } from "node:crypto";
import {
  answerInTime,
  describeRedisError,
  type RedisClient,
  type SharedRedis,
} from "../store/redis-client.ts";
import type { RedisHealth } from "../store/redis-health.ts";
import type { DeliveryResult } from "./delivery.ts";
import { DELIVERED_TTL_MS, type Claim, type IdempotencyStore } from "./idempotency.ts";

const PREFIX = "helpdesky:contact:key:";
/** A claim whose instance died mid-delivery frees its key after this; the webhook's key covers the rest. */
export const CLAIM_TTL_MS = 60_000;
/** How long a repeat waits for a delivery in flight elsewhere before saying it is still being sent. */
export const IN_FLIGHT_WAIT_MS = 10_000;
const POLL_MS = 100;

// Redis 7.0 has no SET … IFEQ: both steps after a delivery act only if the key still holds this
// instance's claim, so an expired claim that another instance took over is left alone.
const MARK_SENT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("SET", KEYS[1], ARGV[2], "PX", ARGV[3]) end return false`;
const RELEASE = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;

export interface RedisIdempotencyOptions {
  /** Used for a request when Redis does not answer. */
  fallback: IdempotencyStore;
  health: RedisHealth;
  waitMs?: number;
}

/**
 * Idempotency shared by every instance. The first request claims the key atomically (`SET NX` with
 * the content's fingerprint and an expiry) and delivers; a repeat of a delivered key answers as the
 * first did; a repeat while the first is in flight waits for its outcome, a bounded time. A failed
 * delivery releases the key. Values: `pending:<claim id>:<fingerprint>` or `sent:<fingerprint>`.
 */
export function redisIdempotencyStore(
  redis: SharedRedis,
  options: RedisIdempotencyOptions,
): IdempotencyStore {
  const { fallback, health, waitMs = IN_FLIGHT_WAIT_MS } = options;

  async function settle(
    client: RedisClient,
    redisKey: string,
    claimValue: string,
    fingerprint: string,
    result: Promise<DeliveryResult>,
  ) {
    const outcome = await result;
    try {
      if (outcome.ok) {
        await answerInTime(
          client.eval(MARK_SENT, {
            keys: [redisKey],
            arguments: [claimValue, `sent:${fingerprint}`, String(DELIVERED_TTL_MS)],
          }),
        );
      } else {
        await answerInTime(client.eval(RELEASE, { keys: [redisKey], arguments: [claimValue] }));
      }
    } catch (error) {
      // The claim then expires by itself (CLAIM_TTL_MS).
      health.failed(describeRedisError(error));
    }
  }

  async function claimShared(
    client: RedisClient,
    key: string,
    fingerprint: string,
  ): Promise<Claim> {
    const redisKey = PREFIX + key;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const claimValue = `pending:${randomUUID()}:${fingerprint}`;
      const set = await answerInTime(
        client.set(redisKey, claimValue, {
          condition: "NX",
          expiration: { type: "PX", value: CLAIM_TTL_MS },
        }),
      );
      if (set === "OK") {
        return {
          kind: "new",
          settle: (result) => settle(client, redisKey, claimValue, fingerprint, result),
        };
      }
      const held = await answerInTime(client.get(redisKey));
      // Released after a failure, or expired, between the two commands: claim it again.
      if (held === null) continue;
      if (!held.endsWith(`:${fingerprint}`)) return { kind: "conflict" };
      if (held.startsWith("sent:"))
        return { kind: "repeat", result: Promise.resolve({ ok: true }) };
      if (Date.now() + POLL_MS > deadline)
        return { kind: "repeat", result: Promise.resolve("in_flight") };
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  return {
    async claim(key, fingerprint) {
      try {
        const claim = await claimShared(await redis.ready(), key, fingerprint);
        health.recovered();
        return claim;
      } catch (error) {
        health.failed(describeRedisError(error));
        return fallback.claim(key, fingerprint);
      }
    },
  };
}
