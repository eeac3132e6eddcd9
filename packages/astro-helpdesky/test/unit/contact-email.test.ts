import { afterEach, describe, expect, test } from "vitest";
import { parseSender } from "../../src/contact/contact-config.ts";
import type { Delivery } from "../../src/contact/delivery.ts";
import { memoryIdempotencyStore } from "../../src/contact/idempotency.ts";
import { memoryRateLimiter } from "../../src/contact/rate-limit.ts";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { smtpDelivery, smtpTransportOptions } from "../../src/contact/smtp-delivery.ts";
import { submitContact, type SubmissionDeps } from "../../src/contact/submission.ts";
import {
  header,
  headersOf,
  startSmtpServer,
  textBody,
  type SmtpBehaviour,
  type TestSmtpServer,
} from "../../../../test/e2e/support/smtp-server.ts";

// A real SMTP conversation with an in-process server on 127.0.0.1: what a helpdesk's inbox gets.

const FROM = parseSender("Acme Cloud <contact@acme.example>")!;
const SUPPORT = "help@acme.example";

const delivery: Delivery = {
  idempotencyKey: "c-7d4f1f0e-2c1b-4f7a-9a51-0f2d6b8e9c11",
  receivedAt: new Date("2026-11-25T12:00:00.000Z"),
  message: {
    name: "Zoë Ångström",
    email: "zoe@example.com",
    subject: "Invoice 💳 wrong",
    message: "Hello,\nmy invoice is wrong.\n\n.\nA line with only a dot, above.",
    source: "/support",
  },
};

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function smtp(behaviour: SmtpBehaviour = "accept") {
  const server = await startSmtpServer(behaviour);
  servers.push(server);
  return server;
}

const mailer = (url: string) =>
  smtpDelivery({ url, from: FROM, to: SUPPORT, timeoutMs: 5000, connectTimeoutMs: 500 });

describe("email delivery over SMTP", () => {
  test("sends one message to SUPPORT_EMAIL from the site's address, with the visitor in Reply-To", async () => {
    const server = await smtp();
    expect(await mailer(server.url).deliver(delivery)).toEqual({ ok: true });

    expect(server.received).toHaveLength(1);
    const [{ envelope, raw }] = server.received as [(typeof server.received)[0]];
    expect(envelope).toEqual({ from: "contact@acme.example", to: ["help@acme.example"] });
    expect(header(raw, "From")).toBe("Acme Cloud Contact Form <contact@acme.example>");
    expect(header(raw, "Reply-To")).toBe("Zoë Ångström <zoe@example.com>");
    expect(header(raw, "To")).toBe("help@acme.example");
    expect(header(raw, "Message-ID")).toBe(
      "<contact-c-7d4f1f0e-2c1b-4f7a-9a51-0f2d6b8e9c11@acme.example>",
    );
    expect(header(raw, "Subject")).toBe("Contact form: Invoice 💳 wrong");
    expect(header(raw, "Content-Type")).toMatch(/^text\/plain; charset=utf-8/i);
    expect(textBody(raw)).toBe(
      [
        "A message from the Contact Form on /support.",
        "",
        "Name:    Zoë Ångström",
        "Email:   zoe@example.com",
        "Subject: Invoice 💳 wrong",
        "Page:    /support",
        "",
        "Hello,",
        "my invoice is wrong.",
        "",
        ".",
        "A line with only a dot, above.",
        "",
        "-- ",
        "Replying to this email answers zoe@example.com (the Reply-To address).",
      ].join("\n"),
    );
  });

  test("a message without name or subject still says what it is", async () => {
    const server = await smtp();
    expect(
      await mailer(server.url).deliver({
        ...delivery,
        message: { ...delivery.message, name: "", subject: "" },
      }),
    ).toEqual({ ok: true });
    const { raw } = server.received[0]!;
    expect(header(raw, "Subject")).toBe("Contact form: message from zoe@example.com");
    expect(header(raw, "Reply-To")).toBe("zoe@example.com");
  });

  test("the same submission sent again carries the same Message-ID", async () => {
    const server = await smtp();
    await mailer(server.url).deliver(delivery);
    await mailer(server.url).deliver({ ...delivery, receivedAt: new Date() });
    const ids = server.received.map(({ raw }) => header(raw, "Message-ID"));
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  test.each([
    ["name", { name: "Eve\r\nBcc: victim@example.net" }],
    ["subject", { subject: "Hello\r\nBcc: victim@example.net\r\nX-Injected: yes" }],
    ["subject, LF only", { subject: "Hello\nBcc: victim@example.net\nX-Injected: yes" }],
    ["subject, CR only", { subject: "Hello\rBcc: victim@example.net\rX-Injected: yes" }],
    ["name, Unicode line separator", { name: "Eve\u2028Bcc: victim@example.net" }],
  ])("a line break in the %s starts no header and adds no recipient", async (_label, fields) => {
    const server = await smtp();
    expect(
      await mailer(server.url).deliver({
        ...delivery,
        message: { ...delivery.message, ...fields },
      }),
    ).toEqual({ ok: true });
    const { envelope, raw } = server.received[0]!;
    expect(envelope.to).toEqual(["help@acme.example"]);
    const names = headersOf(raw).map(([name]) => name);
    expect(names).not.toContain("bcc");
    expect(names).not.toContain("x-injected");
    expect(raw).not.toMatch(/^(Bcc|X-Injected):/im);
    // What the visitor typed is still there, on one line.
    expect(header(raw, "Subject") + header(raw, "Reply-To")).toContain("Bcc: victim@example.net");
  });
});

describe("the SMTP connection", () => {
  /** The options nodemailer's transport ends up with, SMTP_URL's parts merged in. */
  const resolved = (url: string) =>
    new SMTPTransport(smtpTransportOptions(url, 5000, 15000)).options;

  test.each([
    [
      "smtp:// to a remote server requires STARTTLS",
      "smtp://u:p@smtp.example.com:587",
      { secure: false, requireTLS: true, port: 587 },
    ],
    [
      "smtps:// is TLS from the start",
      "smtps://u:p@smtp.example.com:465",
      { secure: true, requireTLS: false, port: 465 },
    ],
    [
      "a relay on this machine may go without",
      "smtp://127.0.0.1:2525",
      { secure: false, requireTLS: false },
    ],
    [
      "a relay on this machine, by name",
      "smtp://localhost:2525",
      { secure: false, requireTLS: false },
    ],
    [
      "a relay on this machine, over IPv6",
      "smtp://[::1]:2525",
      { secure: false, requireTLS: false },
    ],
    [
      "a remote server whose name only starts like this machine's",
      "smtp://u:p@localhost.example.com:587",
      { requireTLS: true },
    ],
    [
      "?requireTLS=false in the URL wins",
      "smtp://u:p@smtp.example.com:587?requireTLS=false",
      { requireTLS: false },
    ],
  ])("%s", (_label, url, expected) => {
    expect(resolved(url)).toMatchObject(expected);
  });

  test("the login comes from the URL, percent-decoded", () => {
    expect(
      resolved("smtps://site%40acme.example:p%3Ass%2Fword@smtp.example.com").auth,
    ).toMatchObject({ user: "site@acme.example", pass: "p:ss/word" });
  });
});

describe("email delivery failures", () => {
  test.each([
    [
      "refuses the message (5xx)",
      "refuse",
      "rejected",
      /the SMTP server refused the message: 550 5\.7\.1 Message refused by policy/,
    ],
    [
      "drops the connection",
      "drop",
      "network",
      /could not be reached or dropped the connection \(ECONNECTION/,
    ],
    ["never answers", "silent", "timeout", /no answer from the SMTP server in time \(ETIMEDOUT/],
  ] as const)(
    "a server that %s: not delivered, with the cause",
    async (_label, behaviour, reason, detail) => {
      const server = await smtp(behaviour);
      const started = Date.now();
      const result = await mailer(server.url).deliver(delivery);
      expect(result).toMatchObject({ ok: false, reason });
      expect(result.ok || result.detail).toMatch(detail);
      expect(Date.now() - started).toBeLessThan(4000);
    },
  );

  test("a server that is not listening: not delivered", async () => {
    const server = await smtp();
    const url = server.url;
    await server.stop();
    servers.splice(0);
    expect(await mailer(url).deliver(delivery)).toMatchObject({ ok: false, reason: "network" });
  });

  test("a failure's detail never holds the SMTP password", async () => {
    const server = await startSmtpServer("refuse", { user: "site", pass: "pa55-canary-word" });
    servers.push(server);
    const result = await mailer(server.url).deliver(delivery);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain("pa55-canary-word");
  });
});

describe("the Contact Form over SMTP", () => {
  const form = (fields: Record<string, string>) =>
    new Request("http://127.0.0.1/contact/send", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  const typed = {
    name: "Ada",
    email: "ada@example.com",
    subject: "Hi",
    message: "The dashboard is down & I can't log in.",
    source: "/contact",
  };

  function deps(url: string): SubmissionDeps {
    return {
      config: { supportEmail: SUPPORT },
      delivery: mailer(url),
      missing: [],
      rateLimiter: memoryRateLimiter(100),
      idempotency: memoryIdempotencyStore(),
      log: () => {},
    };
  }

  test("a double submit sends one mail, and both answers say sent", async () => {
    const server = await smtp();
    const shared = deps(server.url);
    const outcomes = await Promise.all([
      submitContact(form(typed), "203.0.113.1", shared),
      submitContact(form(typed), "203.0.113.1", shared),
    ]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["sent", "sent"]);
    // A repost after it was sent is the same message too.
    expect(await submitContact(form(typed), "203.0.113.1", shared)).toMatchObject({ kind: "sent" });
    expect(server.received).toHaveLength(1);
    expect(header(server.received[0]!.raw, "Message-ID")).toMatch(
      /^<contact-d-[0-9a-f]{40}@acme\.example>$/,
    );
  });

  test.each([
    ["refuse", 502, "delivery_failed"],
    ["drop", 502, "delivery_failed"],
    // No answer in time: the mail may still have been accepted, so "not sent" would not be true.
    ["silent", 504, "delivery_uncertain"],
  ] as const)(
    "when the server does %s, the visitor is told it was not sent (or may not have been) and keeps every word",
    async (behaviour, status, kind) => {
      const server = await smtp(behaviour);
      const outcome = await submitContact(form(typed), "203.0.113.1", deps(server.url));
      expect(outcome).toMatchObject({
        status,
        kind,
        supportEmail: SUPPORT,
        values: { name: "Ada", email: "ada@example.com", subject: "Hi", message: typed.message },
        source: "/contact",
      });
    },
  );

  test("after a failure, sending again delivers the message", async () => {
    const refusing = await smtp("refuse");
    const accepting = await smtp();
    const shared = deps(refusing.url);
    expect(await submitContact(form(typed), "203.0.113.1", shared)).toMatchObject({
      kind: "delivery_failed",
    });
    shared.delivery = mailer(accepting.url);
    expect(await submitContact(form(typed), "203.0.113.1", shared)).toMatchObject({ kind: "sent" });
    expect(accepting.received).toHaveLength(1);
  });
});
