import { describe, expect, test } from "vitest";
import { parseSender, resolveContactConfig } from "../../src/contact/contact-config.ts";

const WEBHOOK_KEY = Buffer.alloc(32, 9);
const HOOK = {
  CONTACT_WEBHOOK_URL: "https://hooks.example/contact",
  CONTACT_WEBHOOK_SECRET: `whsec_${WEBHOOK_KEY.toString("base64")}`,
};
const MAIL = {
  SMTP_URL: "smtps://site:pa55@smtp.example.com:465",
  CONTACT_FROM: "contact@acme.example",
  SUPPORT_EMAIL: "help@acme.example",
};

describe("resolveContactConfig", () => {
  test.each([
    [
      "a webhook URL and secret",
      HOOK,
      false,
      { kind: "webhook", url: HOOK.CONTACT_WEBHOOK_URL, key: WEBHOOK_KEY },
    ],
    ["a webhook even in stand-in mode", HOOK, true, { kind: "webhook" }],
    ["nothing, in stand-in mode", {}, true, { kind: "local-inbox" }],
    [
      "nothing, in production",
      {},
      false,
      { kind: "unconfigured", missing: ["SMTP_URL", "CONTACT_FROM", "SUPPORT_EMAIL"] },
    ],
    [
      "a URL without a secret",
      { CONTACT_WEBHOOK_URL: HOOK.CONTACT_WEBHOOK_URL },
      true,
      { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_SECRET"] },
    ],
    [
      "a secret without a URL",
      { CONTACT_WEBHOOK_SECRET: "s" },
      false,
      { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_URL"] },
    ],
    [
      "a URL that is not http(s)",
      { ...HOOK, CONTACT_WEBHOOK_URL: "ftp://hooks.example" },
      false,
      { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_URL"] },
    ],
    [
      "a secret under 24 bytes",
      { ...HOOK, CONTACT_WEBHOOK_SECRET: `whsec_${Buffer.alloc(16).toString("base64")}` },
      true,
      { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_SECRET"] },
    ],
    [
      "an old-style secret",
      { ...HOOK, CONTACT_WEBHOOK_SECRET: "s3cret-value" },
      false,
      { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_SECRET"] },
    ],
    [
      "SMTP_URL, CONTACT_FROM and SUPPORT_EMAIL",
      MAIL,
      false,
      {
        kind: "email",
        url: MAIL.SMTP_URL,
        from: { siteName: "acme.example", address: "contact@acme.example" },
        to: "help@acme.example",
      },
    ],
    ["email even in stand-in mode", MAIL, true, { kind: "email" }],
    ["email and a webhook: email wins", { ...MAIL, ...HOOK }, false, { kind: "email" }],
    [
      "STARTTLS on 587",
      { ...MAIL, SMTP_URL: "smtp://site:pa55@smtp.example.com:587" },
      false,
      { kind: "email" },
    ],
    [
      "SMTP_URL without CONTACT_FROM (no fall-back to the webhook)",
      { ...HOOK, SMTP_URL: MAIL.SMTP_URL, SUPPORT_EMAIL: MAIL.SUPPORT_EMAIL },
      true,
      { kind: "unconfigured", missing: ["CONTACT_FROM"] },
    ],
    [
      "CONTACT_FROM without SMTP_URL or SUPPORT_EMAIL",
      { CONTACT_FROM: MAIL.CONTACT_FROM },
      true,
      { kind: "unconfigured", missing: ["SMTP_URL", "SUPPORT_EMAIL"] },
    ],
    [
      "an SMTP_URL that is not smtp(s)",
      { ...MAIL, SMTP_URL: "https://smtp.example.com" },
      false,
      { kind: "unconfigured", missing: ["SMTP_URL"] },
    ],
    [
      "a CONTACT_FROM that is not an address",
      { ...MAIL, CONTACT_FROM: "Acme Cloud" },
      false,
      { kind: "unconfigured", missing: ["CONTACT_FROM"] },
    ],
    [
      "a SUPPORT_EMAIL that lists two addresses",
      { ...MAIL, SUPPORT_EMAIL: "help@acme.example,eve@evil.example" },
      false,
      { kind: "unconfigured", missing: ["SUPPORT_EMAIL"] },
    ],
  ])("%s", (_label, env, standin, delivery) => {
    expect(resolveContactConfig(env, standin).delivery).toMatchObject(delivery);
  });

  test("a bad webhook secret is a start-up error that says how to make one, never quoting it", () => {
    const { errors } = resolveContactConfig(
      { ...HOOK, CONTACT_WEBHOOK_SECRET: "whsec_c2hvcnQ=" },
      false,
    );
    expect(errors).toEqual([
      "CONTACT_WEBHOOK_SECRET is 5 bytes long; at least 24 are needed; generate one with `npx helpdesky webhook-secret`. The webhook is off.",
    ]);
  });

  test("with email and a webhook both set, the log says email wins", () => {
    const { notes, errors } = resolveContactConfig({ ...MAIL, ...HOOK }, false);
    expect(errors).toEqual([]);
    expect(notes).toEqual([
      "SMTP_URL or CONTACT_FROM is set, so the Contact Form delivers by email only: CONTACT_WEBHOOK_URL and CONTACT_WEBHOOK_SECRET are ignored.",
    ]);
  });

  test.each([
    ["contact@acme.example", { siteName: "acme.example", address: "contact@acme.example" }],
    [
      "Acme Cloud <contact@acme.example>",
      { siteName: "Acme Cloud", address: "contact@acme.example" },
    ],
    [
      '"Acme Cloud" <contact@acme.example>',
      { siteName: "Acme Cloud", address: "contact@acme.example" },
    ],
    ["Acme\r\nBcc: x@y.z <contact@acme.example>", null],
    ["a@b.example, c@d.example", null],
  ])("CONTACT_FROM=%j gives the sender %j", (value, sender) => {
    expect(parseSender(value)).toEqual(sender);
  });

  test("the log notes name the missing variables and never a value", () => {
    const { notes } = resolveContactConfig(
      { CONTACT_WEBHOOK_URL: "https://hooks.example/t0ken" },
      false,
    );
    expect(notes.join("\n")).toContain("CONTACT_WEBHOOK_SECRET");
    expect(notes.join("\n")).toContain("SUPPORT_EMAIL");
    expect(notes.join("\n")).not.toContain("t0ken");
    const mail = resolveContactConfig(
      { ...MAIL, SMTP_URL: "smtps://site:pa55@smtp.example.com:25x", CONTACT_FROM: "nope" },
      false,
    );
    expect([...mail.notes, ...mail.errors].join("\n")).not.toContain("pa55");
  });

  test.each([
    [undefined, 10],
    ["2", 2],
    [" 30 ", 30],
    ["0", 10],
    ["-1", 10],
    ["1.5", 10],
    ["lots", 10],
  ])("CONTACT_RATE_LIMIT=%j gives %i a minute", (value, expected) => {
    expect(resolveContactConfig({ CONTACT_RATE_LIMIT: value }, true).ratePerMinute).toBe(expected);
  });

  test.each([
    [" help@acme.example ", "help@acme.example"],
    ["not an address", ""],
    [undefined, ""],
  ])("SUPPORT_EMAIL=%j gives %j", (value, expected) => {
    expect(resolveContactConfig({ SUPPORT_EMAIL: value }, true).supportEmail).toBe(expected);
  });
});
