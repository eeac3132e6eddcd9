import { createServer, type AddressInfo } from "node:net";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { IdempotencyStore } from "../../src/contact/idempotency.ts";
import { redisIdempotencyStore } from "../../src/contact/redis-idempotency.ts";
import { connectRedis, describeRedisError } from "../../src/store/redis-client.ts";
import { redisHealth } from "../../src/store/redis-health.ts";
import { chooseRedisUrl } from "../../src/store/redis-url.ts";
import { startRedis } from "../../../../test/e2e/support/redis-server.ts";
import { freePort } from "../../../../test/e2e/support/server.ts";

// The Redis URL holds the password: what the site chooses to connect to, and what it logs.

describe("the Redis URL an operator might set", () => {
  test.each([
    [
      "REDIS_URL with spaces around it",
      { REDIS_URL: "  redis://:pw@10.0.0.5:6379  " },
      { kind: "redis", from: "REDIS_URL", url: "redis://:pw@10.0.0.5:6379" },
    ],
    [
      "KV_URL with spaces around it",
      { KV_URL: " rediss://default:pw@eu1.upstash.io:6379 " },
      { kind: "redis", from: "KV_URL", url: "rediss://default:pw@eu1.upstash.io:6379" },
    ],
    [
      "a blank REDIS_URL, KV_URL set",
      { REDIS_URL: " ", KV_URL: "redis://10.0.0.6" },
      { kind: "redis", from: "KV_URL", url: "redis://10.0.0.6" },
    ],
    ["a blank KV_URL alone", { KV_URL: "   " }, { kind: "none" }],
    [
      "database 0 after a slash",
      { REDIS_URL: "redis://10.0.0.5:6379/0" },
      { kind: "redis", url: "redis://10.0.0.5:6379/0" },
    ],
    ["a trailing slash", { REDIS_URL: "redis://10.0.0.5:6379/" }, { kind: "redis" }],
    [
      "a database that is not a number",
      { REDIS_URL: "redis://10.0.0.5/db" },
      { kind: "invalid", from: "REDIS_URL" },
    ],
    [
      "a number after a word",
      { REDIS_URL: "redis://10.0.0.5/db2" },
      { kind: "invalid", from: "REDIS_URL" },
    ],
    [
      "a word after a number",
      { REDIS_URL: "redis://10.0.0.5/2x" },
      { kind: "invalid", from: "REDIS_URL" },
    ],
    [
      "a nested path",
      { REDIS_URL: "redis://10.0.0.5/1/2" },
      { kind: "invalid", from: "REDIS_URL" },
    ],
    [
      "an http URL in KV_URL",
      { KV_URL: "https://eu1.upstash.io" },
      { kind: "invalid", from: "KV_URL" },
    ],
    [
      "something that is not a URL",
      { KV_URL: "eu1.upstash.io:6379" },
      { kind: "invalid", from: "KV_URL" },
    ],
    ["no URL at all", { REDIS_URL: "not a url" }, { kind: "invalid", from: "REDIS_URL" }],
  ])("%s", (_label, env, expected) => {
    const choice = chooseRedisUrl(env);
    expect(choice).toMatchObject(expected);
    if (expected.kind !== "redis")
      expect(Object.keys(choice).sort()).toEqual(Object.keys(expected).sort());
  });

  test("the name it is shown under holds the host and never the password", () => {
    const choice = chooseRedisUrl({
      REDIS_URL: "rediss://default:s3cret-pw@eu1.upstash.io:6380/3",
    });
    expect(choice).toMatchObject({ kind: "redis", display: "rediss://eu1.upstash.io:6380" });
  });
});

describe("what the log says about a Redis error", () => {
  test.each([
    [
      "a socket error names its code",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), { code: "ECONNREFUSED" }),
      "ECONNREFUSED",
    ],
    [
      "a client error names its class",
      Object.assign(new Error("redis://:pw@host"), { name: "ConnectionTimeoutError" }),
      "ConnectionTimeoutError",
    ],
    [
      "a code that is not text names the class",
      Object.assign(new Error("x"), { code: 7, name: "SocketClosedUnexpectedlyError" }),
      "SocketClosedUnexpectedlyError",
    ],
    [
      "a plain Error says no more than that",
      new Error("WRONGPASS invalid username-password pair redis://:pw@host"),
      "connection error",
    ],
    ["a name that is not text", { name: 42 }, "connection error"],
    ["text thrown as it is", "redis://:pw@host", "connection error"],
    ["nothing", null, "connection error"],
  ])("%s", (_label, error, expected) => {
    expect(describeRedisError(error)).toBe(expected);
  });
});

describe("a connection to a real redis-server that goes away", () => {
  vi.setConfig({ testTimeout: 20_000 });
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  async function within(ms: number, check: () => boolean) {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > ms) return false;
      await wait(10);
    }
    return true;
  }
  function connect(url: string, log: (line: string) => void) {
    const health = redisHealth(log);
    const shared = connectRedis(url, health);
    cleanups.push(async () => (await shared.ready()).destroy());
    return { health, shared };
  }

  test("a new instance whose Redis is down answers without waiting for a connection, and logs the outage once", async () => {
    const log = vi.fn();
    const { health, shared } = connect(`redis://127.0.0.1:${await freePort()}`, log);
    // It waits a second for the first connection, not for ever (the bound is loose for a busy machine).
    const client = await shared.ready();
    expect(health.down).toBe(true);
    // A command fails at once rather than waiting for a connection.
    await expect(client.get("k")).rejects.toThrow();
    await wait(500);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(
      /^Redis is unreachable \(ECONNREFUSED\): .* hold for this instance only, until Redis answers again\.$/,
    );
  });

  test("Redis down, then back: commands fail at once meanwhile, and sharing resumes soon after it returns", async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.dispose());
    const log = vi.fn();
    const { health, shared } = connect(redis.url, log);
    const client = await shared.ready();
    await client.set("k", "v");
    expect(health.down).toBe(false);

    await redis.stop();
    expect(await within(2_000, () => health.down)).toBe(true);
    const asked = Date.now();
    await expect(client.get("k")).rejects.toThrow();
    expect(Date.now() - asked).toBeLessThan(2_000);

    await redis.start();
    expect(await within(5_000, () => !health.down)).toBe(true);
    expect(await client.set("k", "again")).toBe("OK");
    expect(log.mock.calls.map(([line]) => (line as string).split(":")[0])).toEqual([
      expect.stringMatching(/^Redis is unreachable \(.+\)$/),
      "Redis is reachable again",
    ]);
  });

  test("a Redis that drops every connection is tried again soon, then less often, not hammered", async () => {
    const connections: number[] = [];
    const dropper = createServer((socket) => {
      connections.push(Date.now());
      socket.destroy();
    });
    await new Promise<void>((resolve) => dropper.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => dropper.close(resolve)));
    const { health, shared } = connect(
      `redis://127.0.0.1:${(dropper.address() as AddressInfo).port}`,
      () => {},
    );
    await shared.ready();
    expect(await within(3_000, () => connections.length >= 2)).toBe(true);
    // The first retry comes after 100 ms (a loose bound for a busy machine); later ones back off to 2 s.
    expect(connections[1]! - connections[0]!).toBeLessThan(1_000);
    await wait(1_000);
    expect(health.down).toBe(true);
    expect(connections.length).toBeLessThan(15);
  });

  test("a Redis that takes commands and does not answer holds no contact message longer than half a second", async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.dispose());
    const log = vi.fn();
    const pauser = connect(redis.url, () => {});
    const { health, shared } = connect(redis.url, log);
    await (await shared.ready()).set("warm", "1");
    const fallback: IdempotencyStore = {
      claim: vi.fn(async () => ({ kind: "conflict" }) as const),
    };
    const idempotency = redisIdempotencyStore(shared, { fallback, health, waitMs: 5_000 });

    await (await pauser.shared.ready()).sendCommand(["CLIENT", "PAUSE", "5000", "ALL"]);
    const started = Date.now();
    expect(await idempotency.claim("key", "fingerprint")).toEqual({ kind: "conflict" });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(fallback.claim).toHaveBeenCalledWith("key", "fingerprint");
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining("Redis is unreachable (TimeoutError)"),
    );
  });
});
