import { describe, expect, test } from "vitest";
import {
  contentFingerprint,
  idempotencyKeyFor,
  isValidClientKey,
  memoryIdempotencyStore,
  type Claim,
} from "../../src/contact/idempotency.ts";
import type { ContactMessage } from "../../src/contact/schema.ts";

const MESSAGE: ContactMessage = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  subject: "Hello",
  message: "World",
  source: "/contact",
  website: "",
} as ContactMessage;

describe("isValidClientKey", () => {
  test.each([
    ["a UUID", "3f2b8c1e-9d4a-4b6e-8f0a-1c2d3e4f5a6b"],
    ["16 token characters", "a".repeat(16)],
    ["100 token characters", "A_b-".repeat(25)],
  ])("accepts %s", (_label, key) => {
    expect(isValidClientKey(key)).toBe(true);
  });

  test.each([
    ["15 characters", "a".repeat(15)],
    ["101 characters", "a".repeat(101)],
    ["a key with a dot", `${"a".repeat(16)}.`],
    ["a key with a line break at its end", `${"a".repeat(16)}\n`],
    ["a key with a space in front", ` ${"a".repeat(16)}`],
    ["a key with a colon", `${"a".repeat(16)}:x`],
  ])("refuses %s", (_label, key) => {
    expect(isValidClientKey(key)).toBe(false);
  });
});

describe("contentFingerprint", () => {
  test("the same message is the same fingerprint, whatever the case of the address", () => {
    expect(contentFingerprint({ ...MESSAGE, email: "Ada@Example.COM" })).toBe(
      contentFingerprint(MESSAGE),
    );
  });

  test.each([
    ["a field's end moved into the next", { subject: "HelloW", message: "orld" }],
    ["the name's end moved into the address", { name: "Ada Lovelacea", email: "da@example.com" }],
    ["another name", { name: "Grace Hopper" }],
    ["another subject", { subject: "Hi" }],
    ["another message", { message: "Other" }],
  ])("other content is another fingerprint: %s", (_label, change) => {
    expect(contentFingerprint({ ...MESSAGE, ...change })).not.toBe(contentFingerprint(MESSAGE));
  });
});

describe("idempotencyKeyFor", () => {
  test("a browser's key can never stand for a form posted without JavaScript", () => {
    const fingerprint = contentFingerprint(MESSAGE);
    const derived = idempotencyKeyFor(undefined, fingerprint);
    expect(idempotencyKeyFor(fingerprint.slice(0, 40), fingerprint)).not.toBe(derived);
    expect(idempotencyKeyFor(derived, fingerprint)).not.toBe(derived);
  });

  test("without a browser key, the same content is the same key, and other content another", () => {
    const fingerprint = contentFingerprint(MESSAGE);
    expect(idempotencyKeyFor(undefined, fingerprint)).toBe(idempotencyKeyFor("", fingerprint));
    expect(idempotencyKeyFor(undefined, fingerprint)).not.toBe(
      idempotencyKeyFor(undefined, contentFingerprint({ ...MESSAGE, message: "Other" })),
    );
  });
});

describe("memoryIdempotencyStore", () => {
  const DAY = 24 * 60 * 60_000;

  function settle(claim: Claim, result: Parameters<Extract<Claim, { kind: "new" }>["settle"]>[0]) {
    if (claim.kind !== "new") throw new Error(`expected a new claim, got ${claim.kind}`);
    return claim.settle(result);
  }

  test("a repeat joins the first delivery's result; other content under the key is a conflict", async () => {
    const store = memoryIdempotencyStore(DAY, () => 0);
    const first = await store.claim("k", "f1");
    const repeat = await store.claim("k", "f1");
    expect(repeat.kind).toBe("repeat");
    expect((await store.claim("k", "f2")).kind).toBe("conflict");
    await settle(first, Promise.resolve({ ok: true }));
    if (repeat.kind === "repeat") expect(await repeat.result).toEqual({ ok: true });
    expect((await store.claim("other", "f1")).kind).toBe("new");
  });

  test.each([
    [
      "a delivery that failed",
      () =>
        Promise.resolve({ ok: false as const, reason: "network" as const, detail: "ECONNREFUSED" }),
    ],
    ["a delivery that threw", () => Promise.reject(new Error("boom"))],
  ])("%s is forgotten, so the visitor's retry delivers", async (_label, deliver) => {
    const outcome = deliver();
    const store = memoryIdempotencyStore(DAY, () => 0);
    await settle(await store.claim("k", "f"), outcome);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await store.claim("k", "f")).kind).toBe("new");
  });

  test("a late failure of an expired delivery does not forget the retry that replaced it", async () => {
    let now = 0;
    const store = memoryIdempotencyStore(DAY, () => now);
    const first = await store.claim("k", "f");
    now += DAY;
    const second = await store.claim("k", "f");
    expect(second.kind).toBe("new");
    await settle(first, Promise.resolve({ ok: false, reason: "timeout", detail: "slow" }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await store.claim("k", "f")).kind).toBe("repeat");
  });

  test("keys expire one by one, each a day after it was first claimed", async () => {
    let now = 0;
    const store = memoryIdempotencyStore(DAY, () => now);
    await store.claim("early", "f");
    now = 1_000;
    await store.claim("late", "f");
    now = DAY;
    expect((await store.claim("early", "f")).kind).toBe("new");
    expect((await store.claim("late", "f")).kind).toBe("repeat");
    now = DAY + 1_000;
    expect((await store.claim("late", "f")).kind).toBe("new");
  });
});
