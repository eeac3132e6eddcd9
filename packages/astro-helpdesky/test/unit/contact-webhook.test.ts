import { http, HttpResponse } from "msw/http";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { describe, expect, test } from "vitest";
import { webhookDelivery } from "../../src/contact/webhook-delivery.ts";
import {
  generateWebhookSecret,
  parseWebhookSecret,
  signWebhook,
} from "../../src/contact/webhook-signature.ts";
import type { Delivery } from "../../src/contact/delivery.ts";
import { server } from "./msw/server.ts";

const URL = "https://hooks.example.test/contact";
const SECRET = generateWebhookSecret();
const KEY = (parseWebhookSecret(SECRET) as { key: Buffer }).key;
const TIMESTAMP = 1764072000;

const delivery: Delivery = {
  idempotencyKey: "c-7d4f1f0e-2c1b-4f7a-9a51-0f2d6b8e9c11",
  receivedAt: new Date("2026-11-25T12:00:00.000Z"),
  message: {
    name: "Zoë",
    email: "zoe@example.com",
    subject: "Billing 💳",
    message: "Hello,\nmy invoice is wrong.",
    source: "/contact",
  },
};

interface Seen {
  body: string;
  headers: Headers;
}

/** Answers each attempt with the next status in line ("network" drops the connection). */
function receiver(answers: Array<number | "network" | "slow">) {
  const seen: Seen[] = [];
  server.use(
    http.post(URL, async ({ request }) => {
      seen.push({ body: await request.text(), headers: request.headers });
      const answer = answers[Math.min(seen.length - 1, answers.length - 1)];
      if (answer === "network") return HttpResponse.error();
      if (answer === "slow") await new Promise((resolve) => setTimeout(resolve, 500));
      return new HttpResponse(null, { status: answer === "slow" ? 200 : answer });
    }),
  );
  return seen;
}

const deliver = (options: { timeoutMs?: number; now?: () => Date } = {}) =>
  webhookDelivery({
    url: URL,
    key: KEY,
    retryDelayMs: 1,
    now: () => new Date(TIMESTAMP * 1000),
    ...options,
  }).deliver(delivery);

/** What a receiver does with the off-the-shelf Standard Webhooks library. */
const verifyAsReceiver = ({ body, headers }: Seen) =>
  new Webhook(SECRET).verify(body, Object.fromEntries(headers));

describe("the webhook secret", () => {
  test("webhook-secret's secrets are whsec_ with 32 random bytes, and each is new", () => {
    const secrets = [generateWebhookSecret(), generateWebhookSecret()];
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(parseWebhookSecret(secret)).toMatchObject({ ok: true });
      expect(() => new Webhook(secret)).not.toThrow();
    }
    expect(secrets[0]).not.toBe(secrets[1]);
  });

  test.each([
    [
      "shorter than 24 bytes",
      `whsec_${Buffer.alloc(23, 7).toString("base64")}`,
      /23 bytes long; at least 24 are needed/,
    ],
    [
      "without the whsec_ prefix",
      Buffer.alloc(32, 7).toString("base64"),
      /must have the form whsec_<base64>/,
    ],
    ["the old free-form kind", "e2e-webhook-secret", /must have the form whsec_<base64>/],
    ["not base64", "whsec_not base64 at all!!", /not valid base64/],
  ])("a secret %s is refused, with how to make one", (_label, secret, problem) => {
    const parsed = parseWebhookSecret(secret);
    expect(parsed).toMatchObject({ ok: false });
    const text = (parsed as { problem: string }).problem;
    expect(text).toMatch(problem);
    expect(text).toContain("npx helpdesky webhook-secret");
    expect(text).not.toContain(secret);
  });
});

describe("the webhook signature (Standard Webhooks)", () => {
  test("matches the specification's published example", () => {
    // From the Standard Webhooks / Svix test suites, computed outside this code base.
    const key = (parseWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") as { key: Buffer })
      .key;
    expect(
      signWebhook(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}'),
    ).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  test("a delivered message carries webhook-id, webhook-timestamp and webhook-signature, and no old headers", async () => {
    const seen = receiver([200]);
    expect(await deliver()).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    const [{ body, headers }] = seen as [Seen];
    expect(body).toBe(
      '{"type":"contact_message","id":"c-7d4f1f0e-2c1b-4f7a-9a51-0f2d6b8e9c11","receivedAt":"2026-11-25T12:00:00.000Z","name":"Zoë","email":"zoe@example.com","subject":"Billing 💳","message":"Hello,\\nmy invoice is wrong.","source":"/contact"}',
    );
    expect(headers.get("content-type")).toBe("application/json");
    // What a receiver's log and firewall rules see.
    expect(headers.get("user-agent")).toBe("helpdesky-contact-form");
    expect(headers.get("webhook-id")).toBe(delivery.idempotencyKey);
    expect(headers.get("webhook-timestamp")).toBe(String(TIMESTAMP));
    expect(headers.get("webhook-signature")).toBe(
      signWebhook(KEY, delivery.idempotencyKey, TIMESTAMP, body),
    );
    expect(headers.get("idempotency-key")).toBe(delivery.idempotencyKey);
    expect([...headers.keys()].filter((name) => name.startsWith("x-contact-"))).toEqual([]);
  });
});

describe("a receiver verifying with the standardwebhooks package", () => {
  test("accepts a fresh delivery and reads the message from it", async () => {
    const seen = receiver([200]);
    await deliver({ now: () => new Date() });
    expect(verifyAsReceiver(seen[0]!)).toMatchObject({
      type: "contact_message",
      id: delivery.idempotencyKey,
      email: "zoe@example.com",
    });
  });

  test("a delivery signed on the real clock verifies (no clock given)", async () => {
    const seen = receiver([200]);
    await webhookDelivery({ url: URL, key: KEY, retryDelayMs: 1 }).deliver(delivery);
    expect(verifyAsReceiver(seen[0]!)).toMatchObject({ id: delivery.idempotencyKey });
  });

  test("refuses a delivery whose timestamp is more than 5 minutes old (a replay)", async () => {
    const seen = receiver([200]);
    await deliver({ now: () => new Date(Date.now() - 5 * 60_000 - 10_000) });
    expect(() => verifyAsReceiver(seen[0]!)).toThrow(WebhookVerificationError);
    expect(() => verifyAsReceiver(seen[0]!)).toThrow("Message timestamp too old");
  });

  test("refuses a tampered body", async () => {
    const seen = receiver([200]);
    await deliver({ now: () => new Date() });
    const tampered = {
      ...seen[0]!,
      body: seen[0]!.body.replace("zoe@example.com", "eve@example.com"),
    };
    expect(() => verifyAsReceiver(tampered)).toThrow("No matching signature found");
  });

  test("refuses a delivery signed with another secret", async () => {
    const seen = receiver([200]);
    await deliver({ now: () => new Date() });
    expect(() =>
      new Webhook(generateWebhookSecret()).verify(
        seen[0]!.body,
        Object.fromEntries(seen[0]!.headers),
      ),
    ).toThrow("No matching signature found");
  });

  test("a retry keeps webhook-id, carries a fresh timestamp, and verifies", async () => {
    const seen = receiver([503, 200]);
    let clock = Date.now() - 2000;
    await deliver({ now: () => new Date((clock += 1000)) });
    expect(seen).toHaveLength(2);
    expect(seen.map((s) => s.headers.get("webhook-id"))).toEqual([
      delivery.idempotencyKey,
      delivery.idempotencyKey,
    ]);
    expect(Number(seen[1]!.headers.get("webhook-timestamp"))).toBeGreaterThan(
      Number(seen[0]!.headers.get("webhook-timestamp")),
    );
    for (const attempt of seen) expect(() => verifyAsReceiver(attempt)).not.toThrow();
  });
});

describe("webhook retries", () => {
  test.each([
    ["2xx on the first try", [204], 1, true],
    ["5xx then 2xx", [503, 200], 2, true],
    ["a network error then 2xx", ["network", 200] as const, 2, true],
    ["5xx twice", [500, 502], 2, false],
    ["a network error twice", ["network", "network"] as const, 2, false],
    ["4xx (not retried)", [400], 1, false],
    ["a redirect (not followed, not retried)", [302], 1, false],
  ] as const)("%s: %i attempt(s), delivered = %s", async (_label, answers, attempts, ok) => {
    const seen = receiver([...answers]);
    const result = await deliver();
    expect(result.ok).toBe(ok);
    expect(seen).toHaveLength(attempts);
    // A retry is the same message under the same key, so the receiver can drop a duplicate.
    expect(new Set(seen.map((s) => s.headers.get("idempotency-key")))).toEqual(
      new Set([delivery.idempotencyKey]),
    );
    expect(new Set(seen.map((s) => s.body)).size).toBe(1);
  });

  test("a timeout is retried once, then reported as a timeout", async () => {
    const seen = receiver(["slow", "slow"]);
    expect(await deliver({ timeoutMs: 50 })).toEqual({
      ok: false,
      reason: "timeout",
      detail: "no answer from the webhook in 50 ms",
    });
    expect(seen).toHaveLength(2);
  });

  test.each([
    [[422], "the webhook answered HTTP 422"],
    [[500, 503], "the webhook answered HTTP 503"],
  ])("a refusal (%j) is reported with the status of the last answer", async (answers, detail) => {
    receiver(answers);
    expect(await deliver()).toEqual({ ok: false, reason: "rejected", detail });
  });

  test("an abort that is not the timeout is a network failure, not a timeout", async () => {
    const aborted = webhookDelivery({
      url: URL,
      key: KEY,
      retryDelayMs: 1,
      fetch: () => Promise.reject(new DOMException("The operation was aborted.", "AbortError")),
    });
    expect(await aborted.deliver(delivery)).toEqual({
      ok: false,
      reason: "network",
      detail: "the webhook could not be reached (AbortError)",
    });
  });

  test("a failure's detail never holds the URL or the secret", async () => {
    receiver(["network"]);
    const result = await deliver();
    expect(result.ok).toBe(false);
    const detail = JSON.stringify(result);
    expect(detail).not.toContain("hooks.example.test");
    expect(detail).not.toContain(SECRET);
  });
});
