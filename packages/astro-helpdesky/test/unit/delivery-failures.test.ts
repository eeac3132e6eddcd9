import { describe, expect, test, vi } from "vitest";
import { parseSender } from "../../src/contact/contact-config.ts";
import type { ContactDelivery, Delivery } from "../../src/contact/delivery.ts";
import { memoryIdempotencyStore } from "../../src/contact/idempotency.ts";
import { memoryRateLimiter } from "../../src/contact/rate-limit.ts";
import { smtpDelivery, smtpFailure } from "../../src/contact/smtp-delivery.ts";
import { submitContact, type SubmissionDeps } from "../../src/contact/submission.ts";
import { webhookDelivery } from "../../src/contact/webhook-delivery.ts";
import { startSmtpServer } from "../../../../test/e2e/support/smtp-server.ts";

// What a failed delivery puts in the log: one short line that says why, whatever the server or
// the network threw back, and never the URL that holds the credentials.

const delivery: Delivery = {
  idempotencyKey: "c-0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
  receivedAt: new Date("2026-11-25T12:00:00.000Z"),
  message: {
    name: "Ada",
    email: "ada@example.com",
    subject: "Hi",
    message: "Hello",
    source: "/contact",
  },
};

describe("an SMTP failure as the log tells it", () => {
  test.each([
    [
      "an aborted send",
      { code: "EABORT" },
      "timeout",
      "no answer from the SMTP server in time (EABORT, limit 15000 ms)",
    ],
    [
      "a socket timeout",
      { code: "ETIMEDOUT", message: "Timeout" },
      "timeout",
      "no answer from the SMTP server in time (ETIMEDOUT, limit 15000 ms)",
    ],
    [
      "a refused login",
      {
        code: "EAUTH",
        response: "535 5.7.8 Authentication credentials invalid",
        responseCode: 535,
      },
      "rejected",
      "the SMTP server refused the login: 535 5.7.8 Authentication credentials invalid",
    ],
    [
      "a refused message",
      { code: "EMESSAGE", response: "554 5.7.1 spam", responseCode: 554 },
      "rejected",
      "the SMTP server refused the message: 554 5.7.1 spam",
    ],
    [
      "an answer code without its text",
      { code: "EENVELOPE", responseCode: 550 },
      "rejected",
      "the SMTP server refused the message: 550",
    ],
    [
      "a refused connection",
      { code: "ESOCKET", message: "connect ECONNREFUSED 127.0.0.1:25" },
      "network",
      "the SMTP server could not be reached or dropped the connection (ESOCKET: connect ECONNREFUSED 127.0.0.1:25)",
    ],
    [
      "an error with a message only",
      { message: "boom" },
      "network",
      "the SMTP server could not be reached or dropped the connection (boom)",
    ],
    [
      "an error with a code only",
      { code: "ECONNECTION" },
      "network",
      "the SMTP server could not be reached or dropped the connection (ECONNECTION)",
    ],
    [
      "nothing at all",
      null,
      "network",
      "the SMTP server could not be reached or dropped the connection (unknown error)",
    ],
    [
      "an empty error",
      {},
      "network",
      "the SMTP server could not be reached or dropped the connection (unknown error)",
    ],
  ])("%s", (_label, error, reason, detail) => {
    expect(smtpFailure(error, 15_000)).toEqual({ ok: false, reason, detail });
  });

  test("a multi-line server answer is logged on one line", () => {
    const { detail } = smtpFailure(
      { response: "550-5.7.1 first\r\n550-5.7.1 second\n550 5.7.1 third", responseCode: 550 },
      1000,
    );
    expect(detail).toBe(
      "the SMTP server refused the message: 550-5.7.1 first 550-5.7.1 second 550 5.7.1 third",
    );
  });

  test("a hostile error message cannot forge a second log line", () => {
    const { detail } = smtpFailure(
      { message: "oops\r\n[helpdesky] Contact Form: delivered\ragain" },
      1000,
    );
    expect(detail).not.toMatch(/[\r\n]/);
    expect(detail).toContain("oops [helpdesky] Contact Form: delivered again");
  });

  test.each([
    ["a server answer", (text: string) => ({ response: text, responseCode: 550 })],
    ["an error message", (text: string) => ({ message: text })],
  ])("%s of any length is cut to 200 characters", (_label, make) => {
    const long = "x".repeat(199) + "yz" + "!".repeat(10_000);
    const { detail } = smtpFailure(make(long), 1000);
    expect(detail).toContain("x".repeat(199) + "y");
    expect(detail).not.toContain("yz");
    expect(detail.length).toBeLessThan(300);
  });
});

describe("a webhook failure as the log tells it", () => {
  const failingWith = (error: unknown) =>
    webhookDelivery({
      url: "https://user:token@hooks.example.test/contact?key=secret",
      key: Buffer.alloc(32, 7),
      retryDelayMs: 1,
      fetch: () => Promise.reject(error),
    }).deliver(delivery);

  test.each([
    [
      "a refused connection names its code",
      Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }),
      "(ECONNREFUSED)",
    ],
    [
      "a cause without a code names the error's class",
      Object.assign(new TypeError("fetch failed"), { cause: { code: 42 } }),
      "(TypeError)",
    ],
    [
      "an error without a cause names its class",
      new RangeError("https://user:token@hooks.example.test/"),
      "(RangeError)",
    ],
    ["something that is not an error", "https://user:token@hooks.example.test/", "(unknown error)"],
    ["nothing at all", null, "(unknown error)"],
  ])("%s, and never the URL", async (_label, error, cause) => {
    const result = await failingWith(error);
    expect(result).toEqual({
      ok: false,
      reason: "network",
      detail: `the webhook could not be reached ${cause}`,
    });
  });
});

describe("a failed delivery in the site's log", () => {
  const form = () =>
    new Request("http://127.0.0.1/contact/send", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        name: "Ada",
        email: "ada@example.com",
        subject: "Hi",
        message: "Hello there",
        source: "/contact",
      }).toString(),
    });
  const deps = (delivery: ContactDelivery, log: (line: string) => void): SubmissionDeps => ({
    config: { supportEmail: "help@acme.example" },
    delivery,
    missing: [],
    rateLimiter: memoryRateLimiter(100),
    idempotency: memoryIdempotencyStore(),
    log,
  });

  test("names email as the way that failed, with the SMTP server's answer", async () => {
    const server = await startSmtpServer("refuse");
    try {
      const log = vi.fn();
      const email = smtpDelivery({
        url: server.url,
        from: parseSender("Acme <contact@acme.example>")!,
        to: "help@acme.example",
        timeoutMs: 5000,
        connectTimeoutMs: 500,
      });
      expect(await submitContact(form(), "203.0.113.1", deps(email, log))).toMatchObject({
        kind: "delivery_failed",
      });
      expect(log).toHaveBeenCalledWith(
        "A Contact Form message could not be delivered by email: the SMTP server refused the message: 550 5.7.1 Message refused by policy.",
      );
    } finally {
      await server.stop();
    }
  });

  test("names the webhook as the way that failed, with its answer", async () => {
    const log = vi.fn();
    const hook = webhookDelivery({
      url: "https://hooks.example.test/contact",
      key: Buffer.alloc(32, 7),
      fetch: async () => new Response(null, { status: 410 }),
    });
    expect(await submitContact(form(), "203.0.113.1", deps(hook, log))).toMatchObject({
      kind: "delivery_failed",
    });
    expect(log).toHaveBeenCalledWith(
      "A Contact Form message could not be delivered by webhook: the webhook answered HTTP 410.",
    );
  });
});

describe("an SMTP conversation", () => {
  test("is never written to the console: the site's own log line is the only one", async () => {
    const server = await startSmtpServer("accept", { user: "site", pass: "pa55-canary-word" });
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => {}),
    );
    try {
      const email = smtpDelivery({
        url: server.url,
        from: parseSender("Acme <contact@acme.example>")!,
        to: "help@acme.example",
        timeoutMs: 5000,
        connectTimeoutMs: 500,
      });
      expect(await email.deliver(delivery)).toEqual({ ok: true });
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      await server.stop();
    }
  });
});
