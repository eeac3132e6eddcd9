import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { startRedis, type RunningRedis } from "../../../test/e2e/support/redis-server.ts";
import { memoryIdempotencyStore, type Claim } from "../src/contact/idempotency.ts";
import { redisRateLimiter } from "../src/contact/rate-limit.ts";
import { redisIdempotencyStore } from "../src/contact/redis-idempotency.ts";
import { redisHealth } from "../src/store/redis-health.ts";
import { connectRestRedis } from "../src/store/redis-rest-client.ts";
import { startRestShim, type RestShim } from "./redis-rest-shim.ts";

// The shared store over HTTP, for runtimes without TCP sockets: two instances, each with its own
// REST client, against a real redis-server behind a loopback shim of Upstash's REST protocol
// (POST the command as a JSON array with a bearer token, get `{ result }` or `{ error }`).

const TOKEN = "rest-store-test-token";

let redis: RunningRedis;
let shim: RestShim;
let restUrl: string;

beforeAll(async () => {
  redis = await startRedis();
  shim = await startRestShim(redis.url, TOKEN);
  restUrl = shim.url;
}, 30_000);

afterAll(async () => {
  await shim?.stop();
  await redis?.dispose();
});

const health = redisHealth(() => {});
const unusedFallback = memoryIdempotencyStore();

async function settleDelivered(claim: Claim) {
  if (claim.kind !== "new") throw new Error(`expected a new claim, got ${claim.kind}`);
  await claim.settle(Promise.resolve({ ok: true }));
}

describe("the shared store over HTTP", () => {
  test("one delivery per idempotency key across two instances", async () => {
    const [first, second] = [1, 2].map(() =>
      redisIdempotencyStore(connectRestRedis(restUrl, TOKEN, health), {
        fallback: unusedFallback,
        health,
      }),
    );
    const claim = await first!.claim("rest-key-1", "fingerprint-a");
    expect(claim.kind).toBe("new");
    await settleDelivered(claim);
    await vi.waitFor(async () => {
      const repeat = await second!.claim("rest-key-1", "fingerprint-a");
      expect(repeat.kind).toBe("repeat");
    });
    expect((await second!.claim("rest-key-1", "fingerprint-b")).kind).toBe("conflict");
  });

  test("one rate limit shared by two instances", async () => {
    const [first, second] = [1, 2].map(() =>
      redisRateLimiter(connectRestRedis(restUrl, TOKEN, health), 3),
    );
    const decisions = [];
    for (const limiter of [first, second, first, second])
      decisions.push(await limiter!.take("203.0.113.7"));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
  });

  test("a store that refuses the token loses nothing: the instance falls back to its memory", async () => {
    const log = vi.fn();
    const refused = connectRestRedis(restUrl, "a-wrong-token", redisHealth(log));
    const fallback = memoryIdempotencyStore();
    const store = redisIdempotencyStore(refused, { fallback, health: redisHealth(log) });
    const claim = await store.claim("rest-key-2", "fingerprint-a");
    expect(claim.kind).toBe("new");
    await settleDelivered(claim);
    expect((await store.claim("rest-key-2", "fingerprint-a")).kind).toBe("repeat");
    const limiter = redisRateLimiter(refused, 1);
    expect((await limiter.take("198.51.100.1")).allowed).toBe(true);
    expect((await limiter.take("198.51.100.1")).allowed).toBe(false);
    // The log names the failure, never the token or the URL.
    expect(log.mock.calls.join("\n")).toContain("HTTP 401");
    expect(log.mock.calls.join("\n")).not.toContain("a-wrong-token");
  });
});
