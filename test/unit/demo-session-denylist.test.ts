import { describe, expect, test, vi } from "vitest";
import {
  memorySessionDenylist,
  redisSessionDenylist,
} from "../../src/auth/demo-session-denylist.ts";
import type { SharedRedis } from "../../packages/astro-helpdesky/src/store/redis-client.ts";
import { connectRedis } from "../../packages/astro-helpdesky/src/store/redis-client.ts";
import { redisHealth } from "../../packages/astro-helpdesky/src/store/redis-health.ts";
import { startRedis } from "../e2e/support/redis-server.ts";
import { twoInstancesOnOneRedis } from "./two-instances.ts";

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
  const instances = twoInstancesOnOneRedis();
  const { health } = instances;

  test("a sign-out on one instance holds on the other, until the cookie would have expired", async () => {
    const expiresAt = Date.now() + 60_000;
    await redisSessionDenylist(instances.first, memorySessionDenylist(), health).revoke(
      "session-1",
      expiresAt,
    );
    const elsewhere = redisSessionDenylist(instances.second, memorySessionDenylist(), health);
    expect(await elsewhere.isRevoked("session-1")).toBe(true);
    expect(await elsewhere.isRevoked("session-2")).toBe(false);
    const client = await instances.first.ready();
    expect(await client.pExpireTime("helpdesky:session:revoked:session-1")).toBe(expiresAt);
  });

  test("while Redis cannot be reached, this instance's own sign-outs still hold and others are let in", async () => {
    const log = vi.fn();
    const unreachable: SharedRedis = {
      ready: () => Promise.reject(Object.assign(new Error("connect"), { code: "ECONNREFUSED" })),
    };
    const denylist = redisSessionDenylist(unreachable, memorySessionDenylist(), redisHealth(log));
    await denylist.revoke("mine", Date.now() + 60_000);
    expect(await denylist.isRevoked("mine")).toBe(true);
    expect(await denylist.isRevoked("someone-else")).toBe(false);
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining("Redis is unreachable (ECONNREFUSED)"),
    );
  });
});

test("a Redis that takes commands and does not answer holds no sign-out check longer than half a second", async () => {
  const redis = await startRedis();
  const log = vi.fn();
  const pauser = connectRedis(
    redis.url,
    redisHealth(() => {}),
  );
  const health = redisHealth(log);
  const shared = connectRedis(redis.url, health);
  try {
    await (await shared.ready()).set("warm", "1");
    const denylist = redisSessionDenylist(shared, memorySessionDenylist(), health);
    await (await pauser.ready()).sendCommand(["CLIENT", "PAUSE", "5000", "ALL"]);
    const started = Date.now();
    expect(await denylist.isRevoked("someone")).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining("Redis is unreachable (TimeoutError)"),
    );
  } finally {
    for (const connection of [pauser, shared]) (await connection.ready()).destroy();
    await redis.dispose();
  }
});
