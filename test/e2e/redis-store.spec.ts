import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { SHARED_SERVER_ENV } from "./global-setup.ts";
import { startRedis, type RunningRedis } from "./support/redis-server.ts";
import { startServer, type RunningServer } from "./support/server.ts";
import { signIn } from "./support/session.ts";

// Two production servers of the same build share one real Redis, as Vercel's instances would.
test.describe.configure({ mode: "serial", timeout: 60_000 });

/** A webhook receiver whose answer (status, delay) a test can change; counts messages by text. */
async function startReceiver() {
  const bodies: string[] = [];
  const behaviour = { status: 200, delayMs: 0 };
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      bodies.push(body);
      setTimeout(() => response.writeHead(behaviour.status).end(), behaviour.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hooks/contact`,
    behaviour,
    /** How many requests carried this message. */
    count: (message: string) => bodies.filter((body) => body.includes(message)).length,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let redis: RunningRedis;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let a: RunningServer;
let b: RunningServer;

test.beforeAll(async () => {
  [redis, receiver] = await Promise.all([startRedis(), startReceiver()]);
  const env = {
    ...SHARED_SERVER_ENV,
    CONTACT_RATE_LIMIT: "10",
    CONTACT_WEBHOOK_URL: receiver.url,
    CONTACT_WEBHOOK_SECRET: `whsec_${Buffer.from("e2e-redis-store-webhook-key-32-b").toString("base64")}`,
    SUPPORT_EMAIL: "help@acme.example",
    REDIS_URL: redis.url,
    // Each test posts as a visitor of its own, named by the one proxy the servers trust.
    TRUSTED_PROXY_HOPS: "1",
  };
  [a, b] = await Promise.all([startServer(env), startServer(env)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await Promise.all([redis?.dispose(), receiver?.stop()]);
});

test.afterEach(() => {
  receiver.behaviour.status = 200;
  receiver.behaviour.delayMs = 0;
});

function post(server: RunningServer, visitor: string, message: string, key = randomUUID()) {
  return fetch(`${server.url}/api/contact`, {
    method: "POST",
    headers: {
      Origin: server.url,
      "Content-Type": "application/json",
      "Idempotency-Key": key,
      "X-Forwarded-For": visitor,
    },
    body: JSON.stringify({ name: "Ada", email: "ada@example.com", subject: "Shared", message }),
  });
}

/** Sends `count` messages from one visitor, alternating between the two servers; returns the statuses. */
async function sendAlternating(visitor: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1)
    statuses.push((await post(i % 2 ? b : a, visitor, `rate ${randomUUID()}`)).status);
  return statuses;
}

const warnings = (server: RunningServer) =>
  server.output().split("Redis is unreachable").length - 1;

test("one key sent to both servers at once, and again after, is delivered exactly once", async () => {
  receiver.behaviour.delayMs = 400;
  const message = `once ${randomUUID()}`;
  const key = randomUUID();
  const answers = await Promise.all([
    post(a, "198.51.100.1", message, key),
    post(b, "198.51.100.1", message, key),
  ]);
  expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
  expect((await post(b, "198.51.100.1", message, key)).status).toBe(200);
  expect((await post(a, "198.51.100.1", message, key)).status).toBe(200);
  expect(receiver.count(message)).toBe(1);
  // The same key for other content is refused on the other server too.
  expect((await post(b, "198.51.100.1", `other ${message}`, key)).status).toBe(409);
});

test("a failed delivery on one server releases the key: a retry on the other delivers", async () => {
  receiver.behaviour.status = 500;
  const message = `retry ${randomUUID()}`;
  const key = randomUUID();
  expect((await post(a, "198.51.100.2", message, key)).status).toBe(502);
  receiver.behaviour.status = 200;
  const started = Date.now();
  expect((await post(b, "198.51.100.2", message, key)).status).toBe(200);
  // Released at once, not left to expire: the retry did not wait for the claim.
  expect(Date.now() - started).toBeLessThan(3000);
});

test("the 11th message from one address in a minute, spread across both servers, gets 429 with Retry-After", async () => {
  expect(await sendAlternating("198.51.100.3", 10)).toEqual(Array(10).fill(200));
  const refused = await post(b, "198.51.100.3", `rate ${randomUUID()}`);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  // Another visitor behind the same proxy has a budget of their own.
  expect((await post(a, "198.51.100.4", `rate ${randomUUID()}`)).status).toBe(200);
});

test("sign-out on one server ends the session on both: the old cookie gets 401", async () => {
  const { cookie } = await signIn(a.url, "ada@example.com");
  const token = (server: RunningServer) =>
    fetch(`${server.url}/api/helpdesky-token`, { headers: { Cookie: cookie } });
  expect((await token(b)).status).toBe(200);
  const signOut = await fetch(`${b.url}/logout`, {
    method: "POST",
    headers: { Origin: b.url, Cookie: cookie },
    redirect: "manual",
  });
  expect(signOut.status).toBe(303);
  expect((await token(a)).status).toBe(401);
  expect((await token(b)).status).toBe(401);
});

test("with Redis down, messages still deliver, each server warns once; back up, the shared limit holds again", async () => {
  await redis.stop();
  const messages = [
    `down ${randomUUID()}`,
    `down ${randomUUID()}`,
    `down ${randomUUID()}`,
    `down ${randomUUID()}`,
  ];
  const statuses = [];
  for (const [i, message] of messages.entries())
    statuses.push((await post(i % 2 ? b : a, "198.51.100.5", message)).status);
  expect(statuses).toEqual([200, 200, 200, 200]);
  for (const message of messages) expect(receiver.count(message)).toBe(1);
  for (const server of [a, b]) {
    expect(warnings(server)).toBe(1);
    expect(server.output()).not.toContain(redis.password);
    expect(server.output()).not.toMatch(/down [0-9a-f-]{36}/);
    // Nothing crashed: the pages still answer.
    expect((await fetch(server.url)).status).toBe(200);
  }

  await redis.start();
  await expect
    .poll(() => [a, b].map((server) => server.output().includes("Redis is reachable again")), {
      timeout: 15_000,
    })
    .toEqual([true, true]);
  expect(await sendAlternating("198.51.100.6", 10)).toEqual(Array(10).fill(200));
  expect((await post(a, "198.51.100.6", `rate ${randomUUID()}`)).status).toBe(429);
  for (const server of [a, b]) expect(warnings(server)).toBe(1);
});
