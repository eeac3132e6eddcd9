import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { memorySessionDenylist, redisSessionDenylist } from "../../src/auth/demo-session-denylist.ts";
import { connectRedis, type SharedRedis } from "../../src/integrations/helpdesky/store/redis-client.ts";
import { redisHealth } from "../../src/integrations/helpdesky/store/redis-health.ts";
import { startRedis, type RunningRedis } from "../e2e/support/redis-server.ts";

vi.setConfig({ testTimeout: 30_000 });

describe("the memory session denylist, when full", () => {
  const FULL = 50_000;

  test("drops the oldest sign-out first", async () => {
    const now = 1_000_000;
    const denylist = memorySessionDenylist(() => now);
    for (let i = 0; i <= FULL; i++) await denylist.revoke(`s${i}`, now + 60_000);
    expect(await denylist.isRevoked("s0")).toBe(false);
    expect(await denylist.isRevoked("s1")).toBe(true);
    expect(await denylist.isRevoked(`s${FULL}`)).toBe(true);
  });

  test("makes room from expired sign-outs before it drops a live one", async () => {
    let now = 1_000_000;
    const denylist = memorySessionDenylist(() => now);
    await denylist.revoke("long-lived", now + 24 * 60 * 60_000);
    for (let i = 1; i < FULL; i++) await denylist.revoke(`s${i}`, now + 1_000);
    now += 60_000;
    await denylist.revoke("new", now + 60_000);
    expect(await denylist.isRevoked("long-lived")).toBe(true);
    expect(await denylist.isRevoked("new")).toBe(true);
  });
});

describe("redisSessionDenylist", () => {
  let redis: RunningRedis;
  let first: SharedRedis;
  let second: SharedRedis;
  const health = redisHealth(() => {});

  beforeAll(async () => {
    redis = await startRedis();
    first = connectRedis(redis.url, health);
    second = connectRedis(redis.url, health);
  });

  afterAll(async () => {
    for (const shared of [first, second]) (await shared.ready()).destroy();
    await redis.dispose();
  });

  test("a sign-out on one instance holds on the other, until the cookie would have expired", async () => {
    const expiresAt = Date.now() + 60_000;
    await redisSessionDenylist(first, memorySessionDenylist(), health).revoke("session-1", expiresAt);
    const elsewhere = redisSessionDenylist(second, memorySessionDenylist(), health);
    expect(await elsewhere.isRevoked("session-1")).toBe(true);
    expect(await elsewhere.isRevoked("session-2")).toBe(false);
    const client = await first.ready();
    expect(await client.pExpireTime("helpdesky:session:revoked:session-1")).toBe(expiresAt);
  });

  test("while Redis cannot be reached, this instance's own sign-outs still hold and others are let in", async () => {
    const log = vi.fn();
    const unreachable: SharedRedis = { ready: () => Promise.reject(Object.assign(new Error("connect"), { code: "ECONNREFUSED" })) };
    const denylist = redisSessionDenylist(unreachable, memorySessionDenylist(), redisHealth(log));
    await denylist.revoke("mine", Date.now() + 60_000);
    expect(await denylist.isRevoked("mine")).toBe(true);
    expect(await denylist.isRevoked("someone-else")).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("Redis is unreachable (ECONNREFUSED)"));
  });
});
