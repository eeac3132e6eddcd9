import { afterEach, describe, expect, test, vi } from "vitest";
import { memoryRateLimiter, redisRateLimiter } from "../../src/contact/rate-limit.ts";
import { connectRedis } from "../../src/store/redis-client.ts";
import { redisHealth } from "../../src/store/redis-health.ts";
import { startRedis } from "../../../../test/e2e/support/redis-server.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("memoryRateLimiter", () => {
  test("refuses the attempt over the limit until its window has passed, and says when to retry", async () => {
    vi.useFakeTimers();
    const limiter = memoryRateLimiter(2, 10_000);
    expect(await limiter.take("203.0.113.9")).toEqual({ allowed: true });
    expect(await limiter.take("203.0.113.9")).toEqual({ allowed: true });
    expect(await limiter.take("203.0.113.9")).toEqual({ allowed: false, retryAfterSeconds: 10 });
    // Another visitor has a limit of their own.
    expect(await limiter.take("198.51.100.7")).toEqual({ allowed: true });

    vi.advanceTimersByTime(9_001);
    expect(await limiter.take("203.0.113.9")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    vi.advanceTimersByTime(1_000);
    expect(await limiter.take("203.0.113.9")).toEqual({ allowed: true });
  });

  test("never asks to retry in less than a second", async () => {
    vi.useFakeTimers();
    const limiter = memoryRateLimiter(1, 1_000);
    await limiter.take("203.0.113.9");
    vi.advanceTimersByTime(999);
    expect(await limiter.take("203.0.113.9")).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});

describe("redisRateLimiter", () => {
  test("a Redis client that fails in an unexpected way never refuses a visitor", async () => {
    // A client object the limiter cannot use: a store failure no insurance covers.
    const unusable = { ready: () => Promise.resolve(undefined as never) };
    const limiter = redisRateLimiter(unusable, 1);
    expect(await limiter.take("203.0.113.9")).toEqual({ allowed: true });
    expect(await limiter.take("203.0.113.9")).toEqual({ allowed: true });
  });

  test(
    "two instances sharing one Redis count together, under the contact form's own keys",
    { timeout: 30_000 },
    async () => {
      const redis = await startRedis();
      const health = redisHealth(() => {});
      const first = connectRedis(redis.url, health);
      const second = connectRedis(redis.url, health);
      try {
        const [a, b] = [redisRateLimiter(first, 2, 60_000), redisRateLimiter(second, 2, 60_000)];
        expect(await a.take("203.0.113.9")).toEqual({ allowed: true });
        expect(await b.take("203.0.113.9")).toEqual({ allowed: true });
        expect(await a.take("203.0.113.9")).toEqual({ allowed: false, retryAfterSeconds: 60 });
        expect(await b.take("198.51.100.7")).toEqual({ allowed: true });
        // A Redis shared with other applications: every key the limit writes is in its own namespace.
        const keys = await (await first.ready()).keys("*");
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) expect(key).toMatch(/^helpdesky:contact:rate:/);
      } finally {
        for (const shared of [first, second]) (await shared.ready()).destroy();
        await redis.dispose();
      }
    },
  );
});
