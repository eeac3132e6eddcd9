import { describe, expect, test, vi } from "vitest";
import type { ContactDelivery, Delivery, DeliveryResult } from "../../src/contact/delivery.ts";
import { memoryIdempotencyStore } from "../../src/contact/idempotency.ts";
import { memoryRateLimiter } from "../../src/contact/rate-limit.ts";
import { MAX_BODY_BYTES } from "../../src/contact/read-body.ts";
import { submitContact, type SubmissionDeps } from "../../src/contact/submission.ts";

const VALID = {
  name: "Ada",
  email: "ada@example.com",
  subject: "Hi",
  message: "Hello there",
  source: "/contact",
};
const KEY = "0f8e6a2c-1b3d-4e5f-8a9b-0c1d2e3f4a5b";

/** A delivery that records what it was given and answers with the queued results. */
function fakeDelivery(...results: DeliveryResult[]) {
  const calls: string[] = [];
  const delivery: ContactDelivery = {
    kind: "local-inbox",
    deliver: vi.fn(async ({ idempotencyKey }: Delivery): Promise<DeliveryResult> => {
      calls.push(idempotencyKey);
      return results.shift() ?? { ok: true };
    }),
  };
  return { delivery, calls };
}

function deps(overrides: Partial<SubmissionDeps> = {}): SubmissionDeps {
  return {
    config: { supportEmail: "help@acme.example" },
    delivery: fakeDelivery().delivery,
    missing: [],
    rateLimiter: memoryRateLimiter(100),
    idempotency: memoryIdempotencyStore(),
    log: () => {},
    ...overrides,
  };
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/api/contact", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const form = (fields: Record<string, string>) =>
  new Request("http://127.0.0.1/contact/send", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

describe("submitContact", () => {
  test("delivers a valid JSON submission and answers sent", async () => {
    const { delivery, calls } = fakeDelivery();
    const outcome = await submitContact(
      json(VALID, { "Idempotency-Key": KEY }),
      "203.0.113.1",
      deps({ delivery }),
    );
    expect(outcome).toMatchObject({ status: 200, kind: "sent" });
    expect(calls).toEqual([`c-${KEY}`]);
  });

  test("a field error answers 400 with the message and keeps every typed value", async () => {
    const typed = { ...VALID, email: "ada@", message: "  my words  " };
    const outcome = await submitContact(form(typed), "203.0.113.1", deps());
    expect(outcome).toMatchObject({
      status: 400,
      kind: "invalid",
      errors: { email: "Enter a valid email address, like name@example.com." },
      values: { name: "Ada", email: "ada@", subject: "Hi", message: "  my words  " },
    });
  });

  test.each([
    [
      "a filled honeypot (form post)",
      () => form({ ...VALID, website: "https://spam.example" }),
      "honeypot",
    ],
    ["a filled honeypot (JSON)", () => json({ ...VALID, website: "x" }), "honeypot"],
    [
      "a form filled in under 2 s, as measured by the browser",
      () => json({ ...VALID, elapsedMs: 400 }),
      "too_fast",
    ],
  ])("refuses %s without delivering it", async (_label, request, kind) => {
    const { delivery, calls } = fakeDelivery();
    const outcome = await submitContact(request(), "203.0.113.1", deps({ delivery }));
    expect(outcome).toMatchObject({ status: 400, kind, values: { message: "Hello there" } });
    expect(calls).toEqual([]);
  });

  test.each([
    ["no fill time at all (no JavaScript)", form(VALID)],
    ["a fill time of 2 s", json({ ...VALID, elapsedMs: 2000 })],
    ["an empty honeypot", form({ ...VALID, website: "" })],
  ])("delivers with %s", async (_label, request) => {
    expect(await submitContact(request, "203.0.113.1", deps())).toMatchObject({ status: 200 });
  });

  test.each([
    ["at the limit", MAX_BODY_BYTES, 200],
    ["one byte over the limit", MAX_BODY_BYTES + 1, 413],
  ])("a body %s answers %i", async (_label, size, status) => {
    const base = JSON.stringify({ ...VALID, pad: "" });
    const body = base.replace('"pad":""', `"pad":"${"x".repeat(size - base.length)}"`);
    expect(Buffer.byteLength(body)).toBe(size);
    expect(await submitContact(json(body), "203.0.113.1", deps())).toMatchObject({ status });
  });

  test("an oversized chunked body with no Content-Length is refused before it is parsed", async () => {
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://127.0.0.1/api/contact", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(await submitContact(request, "203.0.113.1", deps())).toMatchObject({ status: 413 });
    expect(pulled).toBeLessThan(10);
  });

  test.each([
    ["text/plain", "hello", 415],
    ["application/json", "{not json", 400],
    ["application/json", "[1,2]", 400],
  ])("a %s body of %j answers %i", async (type, body, status) => {
    const request = new Request("http://127.0.0.1/api/contact", {
      method: "POST",
      headers: { "Content-Type": type },
      body,
    });
    expect(await submitContact(request, "203.0.113.1", deps())).toMatchObject({ status });
  });

  test("rate limit: the (n+1)th submission from one address in a minute answers 429 with a wait", async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ["Date", "setTimeout", "clearTimeout"] });
    try {
      const shared = deps({ rateLimiter: memoryRateLimiter(3, 60_000) });
      const send = (ip: string) =>
        submitContact(form({ ...VALID, message: `m${Date.now()}${ip}` }), ip, shared);
      for (let i = 0; i < 3; i += 1)
        expect(await send("198.51.100.7")).toMatchObject({ status: 200 });
      // Refused, but what was typed comes back so that the form can keep it.
      expect(await send("198.51.100.7")).toMatchObject({
        status: 429,
        kind: "rate_limited",
        retryAfterSeconds: 60,
        values: { email: "ada@example.com" },
      });
      // Another address has its own budget.
      expect(await send("198.51.100.8")).toMatchObject({ status: 200 });
      vi.advanceTimersByTime(45_000);
      expect(await send("198.51.100.7")).toMatchObject({ status: 429, retryAfterSeconds: 15 });
      vi.advanceTimersByTime(15_001);
      expect(await send("198.51.100.7")).toMatchObject({ status: 200 });
    } finally {
      vi.useRealTimers();
    }
  });

  test("not configured: answers 503 with the support address, names the missing variable in the log", async () => {
    const log = vi.fn();
    const outcome = await submitContact(
      form(VALID),
      "203.0.113.1",
      deps({ delivery: null, missing: ["CONTACT_WEBHOOK_URL"], log }),
    );
    expect(outcome).toMatchObject({
      status: 503,
      kind: "not_configured",
      supportEmail: "help@acme.example",
      values: { message: "Hello there" },
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining("CONTACT_WEBHOOK_URL"));
  });

  test("a failed delivery answers 502, never sent, and keeps the text", async () => {
    const { delivery } = fakeDelivery({ ok: false, reason: "rejected", detail: "HTTP 500" });
    const outcome = await submitContact(form(VALID), "203.0.113.1", deps({ delivery }));
    expect(outcome).toMatchObject({
      status: 502,
      kind: "delivery_failed",
      values: { message: "Hello there" },
    });
  });
});

describe("idempotency", () => {
  test.each([
    [
      "the browser's key, sent twice",
      () => json(VALID, { "Idempotency-Key": KEY }),
      () => json(VALID, { "Idempotency-Key": KEY }),
    ],
    ["a no-JS form posted twice", () => form(VALID), () => form(VALID)],
    [
      "a no-JS form posted twice with other spacing and email case",
      () => form(VALID),
      () => form({ ...VALID, email: "ADA@example.com ", message: "Hello there\n" }),
    ],
  ])("%s is delivered once and both answers say sent", async (_label, first, second) => {
    const { delivery, calls } = fakeDelivery();
    const shared = deps({ delivery });
    expect(await submitContact(first(), "203.0.113.1", shared)).toMatchObject({ status: 200 });
    expect(await submitContact(second(), "203.0.113.1", shared)).toMatchObject({ status: 200 });
    expect(calls).toHaveLength(1);
  });

  test("a double click while the first delivery is in flight joins it", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const deliver = vi.fn(async () => {
      await gate;
      return { ok: true } as const;
    });
    const shared = deps({ delivery: { kind: "webhook", deliver } });
    const both = Promise.all([
      submitContact(json(VALID, { "Idempotency-Key": KEY }), "203.0.113.1", shared),
      submitContact(json(VALID, { "Idempotency-Key": KEY }), "203.0.113.1", shared),
    ]);
    release();
    expect((await both).map((o) => o.status)).toEqual([200, 200]);
    expect(deliver).toHaveBeenCalledTimes(1);
  });

  test("after a failed delivery, a retry with the same key delivers again", async () => {
    const { delivery, calls } = fakeDelivery(
      { ok: false, reason: "network", detail: "ECONNREFUSED" },
      { ok: true },
    );
    const shared = deps({ delivery });
    expect(
      await submitContact(json(VALID, { "Idempotency-Key": KEY }), "203.0.113.1", shared),
    ).toMatchObject({ status: 502 });
    expect(
      await submitContact(json(VALID, { "Idempotency-Key": KEY }), "203.0.113.1", shared),
    ).toMatchObject({ status: 200 });
    expect(calls).toEqual([`c-${KEY}`, `c-${KEY}`]);
  });

  test.each([
    ["different content under one browser key answers 409", { "Idempotency-Key": KEY }, 409, 1],
    ["different content without a key is a new message", {}, 200, 2],
  ])("%s", async (_label, headers, status, deliveries) => {
    const { delivery, calls } = fakeDelivery();
    const shared = deps({ delivery });
    await submitContact(json(VALID, headers), "203.0.113.1", shared);
    expect(
      await submitContact(
        json({ ...VALID, message: "Something else" }, headers),
        "203.0.113.1",
        shared,
      ),
    ).toMatchObject({ status });
    expect(calls).toHaveLength(deliveries);
  });

  test("a malformed browser key is ignored and the key is derived from the content", async () => {
    const { delivery, calls } = fakeDelivery();
    await submitContact(json(VALID, { "Idempotency-Key": "x" }), "203.0.113.1", deps({ delivery }));
    expect(calls[0]).toMatch(/^d-[0-9a-f]{40}$/);
  });
});
