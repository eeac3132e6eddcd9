import { describe, expect, test, vi } from "vitest";
import { memoryIdempotencyStore } from "../../src/contact/idempotency.ts";
import { redisHealth } from "../../src/store/redis-health.ts";
import { redisRateLimiter } from "../../src/contact/rate-limit.ts";
import type { SharedRedis } from "../../src/store/redis-client.ts";
import { chooseRedisUrl } from "../../src/store/redis-url.ts";

describe("the memory idempotency store", () => {
  test("a delivered key is a repeat for a day, then new again", async () => {
    let now = 0;
    const store = memoryIdempotencyStore(24 * 60 * 60_000, () => now);
    const first = await store.claim("k", "f");
    expect(first.kind).toBe("new");
    if (first.kind === "new") await first.settle(Promise.resolve({ ok: true }));
    now += 24 * 60 * 60_000 - 1;
    expect((await store.claim("k", "f")).kind).toBe("repeat");
    now += 1;
    expect((await store.claim("k", "f")).kind).toBe("new");
  });
});

describe("redisHealth", () => {
  test("logs an outage once however many failures it has, and its end once", () => {
    const log = vi.fn();
    const health = redisHealth(log);
    health.recovered();
    for (let i = 0; i < 5; i += 1) health.failed("ECONNREFUSED");
    health.recovered();
    health.recovered();
    expect(log.mock.calls.map(([line]) => (line as string).split(":")[0])).toEqual([
      "Redis is unreachable (ECONNREFUSED)",
      "Redis is reachable again",
    ]);
  });
});

describe("chooseRedisUrl", () => {
  test.each([
    [{}, { kind: "none" }],
    [
      { KV_URL: "rediss://default:pw@eu1.upstash.io:6379" },
      { kind: "redis", from: "KV_URL", display: "rediss://eu1.upstash.io:6379" },
    ],
    [
      { REDIS_URL: "redis://:pw@10.0.0.5:6379", KV_URL: "rediss://x:1" },
      { kind: "redis", from: "REDIS_URL", display: "redis://10.0.0.5:6379" },
    ],
    [{ REDIS_URL: "https://example.com" }, { kind: "invalid", from: "REDIS_URL" }],
    [{ REDIS_URL: "redis://:pw@10.0.0.5:6379/2" }, { kind: "redis", from: "REDIS_URL" }],
    [{ REDIS_URL: "redis://:pw@10.0.0.5:6379/cache" }, { kind: "invalid", from: "REDIS_URL" }],
    [{ REDIS_URL: "  " }, { kind: "none" }],
  ])("%j → %j", (env, expected) => {
    expect(chooseRedisUrl(env)).toMatchObject(expected);
  });
});

describe("redisRateLimiter", () => {
  test("a Redis client that cannot even be made still limits, in this process's memory", async () => {
    const broken: SharedRedis = { ready: () => Promise.reject(new TypeError("Invalid pathname")) };
    const limiter = redisRateLimiter(broken, 2);
    expect(await limiter.take("203.0.113.9")).toEqual({ allowed: true });
    expect(await limiter.take("203.0.113.9")).toEqual({ allowed: true });
    expect(await limiter.take("203.0.113.9")).toMatchObject({ allowed: false });
  });
});
