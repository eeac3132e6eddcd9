import { http, HttpResponse } from "msw/http";
import { describe, expect, test } from "vitest";
import { webhookDelivery } from "../../src/integrations/helpdesky/contact/webhook-delivery.ts";
import { signWebhookBody } from "../../src/integrations/helpdesky/contact/webhook-signature.ts";
import type { Delivery } from "../../src/integrations/helpdesky/contact/delivery.ts";
import { server } from "./msw/server.ts";

const URL = "https://hooks.example.test/contact";
const SECRET = "whsec_test_3f9a1c";
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

const deliver = (options: { timeoutMs?: number } = {}) =>
  webhookDelivery({ url: URL, secret: SECRET, retryDelayMs: 1, now: () => new Date(TIMESTAMP * 1000), ...options }).deliver(delivery);

describe("the webhook signature", () => {
  // Expected values computed outside this code base (Python's hmac module), written down here.
  test.each([
    [SECRET, TIMESTAMP, '{"a":1}', "a9abbd215ee43142ce1e614dd43bd2441bc22b6436c157066fe9f008eca531af"],
    ["another-secret", TIMESTAMP, '{"a":1}', "9b10307db2cc259550830882164e53a36377991a1570f32a0e99247c7d7c1077"],
    [SECRET, TIMESTAMP + 1, '{"a":1}', "553f9c32bfce8beda3999a1b44c510f517e7e578d62fa55e5bd532cd6065b361"],
  ])("signs with %s at %i", (secret, timestamp, body, hex) => {
    expect(signWebhookBody(secret, timestamp, body)).toBe(`sha256=${hex}`);
  });

  test("a delivered message carries the signature a receiver can recompute", async () => {
    const seen = receiver([200]);
    expect(await deliver()).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    const [{ body, headers }] = seen as [Seen];
    expect(body).toBe(
      '{"type":"contact_message","id":"c-7d4f1f0e-2c1b-4f7a-9a51-0f2d6b8e9c11","receivedAt":"2026-11-25T12:00:00.000Z","name":"Zoë","email":"zoe@example.com","subject":"Billing 💳","message":"Hello,\\nmy invoice is wrong.","source":"/contact"}',
    );
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.get("x-contact-timestamp")).toBe(String(TIMESTAMP));
    expect(headers.get("x-contact-signature")).toBe("sha256=4145dc4f11b382905c4dcfb477936ce788553535cd5c4a4037c8c68b301644e3");
    expect(headers.get("idempotency-key")).toBe(delivery.idempotencyKey);
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
    expect(new Set(seen.map((s) => s.headers.get("idempotency-key")))).toEqual(new Set([delivery.idempotencyKey]));
    expect(new Set(seen.map((s) => s.body)).size).toBe(1);
  });

  test("a timeout is retried once, then reported as a timeout", async () => {
    const seen = receiver(["slow", "slow"]);
    expect(await deliver({ timeoutMs: 50 })).toMatchObject({ ok: false, reason: "timeout" });
    expect(seen).toHaveLength(2);
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
