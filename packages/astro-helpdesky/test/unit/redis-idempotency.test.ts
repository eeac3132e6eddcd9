import { describe, expect, test, vi } from "vitest";
import type { Claim, IdempotencyStore } from "../../src/contact/idempotency.ts";
import { redisIdempotencyStore } from "../../src/contact/redis-idempotency.ts";
import type { SharedRedis } from "../../src/store/redis-client.ts";
import { redisHealth } from "../../src/store/redis-health.ts";
import { twoInstancesOnOneRedis } from "../../../../test/unit/two-instances.ts";

// Two instances of the site sharing one real redis-server on a free loopback port.
vi.setConfig({ testTimeout: 30_000 });

const instances = twoInstancesOnOneRedis();
const { health } = instances;
const unusedFallback: IdempotencyStore = {
  claim: () => Promise.reject(new Error("the fallback is not for this")),
};

let counter = 0;
const freshKey = () => `key-${++counter}`;
const store = (shared: SharedRedis, waitMs = 2_000) =>
  redisIdempotencyStore(shared, { fallback: unusedFallback, health, waitMs });

function settle(claim: Claim, ok: boolean) {
  if (claim.kind !== "new") throw new Error(`expected a new claim, got ${claim.kind}`);
  return claim.settle(
    Promise.resolve(ok ? { ok: true } : { ok: false, reason: "network", detail: "ECONNREFUSED" }),
  );
}

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
};

describe("redisIdempotencyStore", () => {
  test("a message delivered by one instance is a repeat on the other, for a day, under the contact form's keys", async () => {
    const key = freshKey();
    const claim = await store(instances.first).claim(key, "fp");
    expect(claim.kind).toBe("new");
    const client = await instances.first.ready();
    const claimTtl = await client.pTTL(`helpdesky:contact:key:${key}`);
    expect(claimTtl).toBeGreaterThan(50_000);
    expect(claimTtl).toBeLessThanOrEqual(60_000);

    await settle(claim, true);
    await until(
      async () => (await client.get(`helpdesky:contact:key:${key}`))?.startsWith("sent:") ?? false,
    );
    const repeat = await store(instances.second).claim(key, "fp");
    expect(repeat.kind).toBe("repeat");
    if (repeat.kind === "repeat") expect(await repeat.result).toEqual({ ok: true });
    expect(await client.pTTL(`helpdesky:contact:key:${key}`)).toBeGreaterThan(23 * 60 * 60_000);
    expect((await store(instances.second).claim(key, "other")).kind).toBe("conflict");
  });

  test("a repeat while the first is in flight waits for it and answers as it did", async () => {
    const key = freshKey();
    const claim = await store(instances.first).claim(key, "fp");
    const repeat = store(instances.second).claim(key, "fp");
    setTimeout(() => void settle(claim, true), 250);
    const answer = await repeat;
    expect(answer.kind).toBe("repeat");
    if (answer.kind === "repeat") expect(await answer.result).toEqual({ ok: true });
  });

  test("a repeat waits a bounded time, then says the message is still being sent", async () => {
    const key = freshKey();
    await store(instances.first).claim(key, "fp");
    const started = Date.now();
    const answer = await store(instances.second, 300).claim(key, "fp");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(answer.kind).toBe("repeat");
    if (answer.kind === "repeat") expect(await answer.result).toBe("in_flight");
  });

  test("a failed delivery frees the key, so the visitor's retry delivers, on any instance", async () => {
    const key = freshKey();
    await settle(await store(instances.first).claim(key, "fp"), false);
    const client = await instances.first.ready();
    await until(async () => (await client.get(`helpdesky:contact:key:${key}`)) === null);
    expect((await store(instances.second).claim(key, "fp")).kind).toBe("new");
  });

  test("a claim that expired and was taken over is left to the instance that holds it now", async () => {
    for (const ok of [true, false]) {
      const key = freshKey();
      const redisKey = `helpdesky:contact:key:${key}`;
      const stale = await store(instances.first).claim(key, "fp");
      const client = await instances.first.ready();
      await client.del(redisKey); // as if CLAIM_TTL_MS had passed
      const current = await store(instances.second).claim(key, "fp");
      expect(current.kind).toBe("new");
      const held = await client.get(redisKey);
      await settle(stale, ok);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await client.get(redisKey)).toBe(held);
    }
  });

  test("while Redis cannot be reached, the instance's own store answers", async () => {
    const log = vi.fn();
    const unreachable: SharedRedis = {
      ready: () => Promise.reject(Object.assign(new Error("connect"), { code: "ECONNREFUSED" })),
    };
    const fallback: IdempotencyStore = {
      claim: vi.fn(async () => ({ kind: "conflict" }) as const),
    };
    const shared = redisIdempotencyStore(unreachable, {
      fallback,
      health: redisHealth(log),
      waitMs: 100,
    });
    expect(await shared.claim("k", "fp")).toEqual({ kind: "conflict" });
    expect(fallback.claim).toHaveBeenCalledWith("k", "fp");
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining("Redis is unreachable (ECONNREFUSED)"),
    );
  });
});
