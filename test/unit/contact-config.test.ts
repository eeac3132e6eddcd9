import { describe, expect, test } from "vitest";
import { resolveContactConfig } from "../../src/integrations/helpdesky/contact/contact-config.ts";

const HOOK = { CONTACT_WEBHOOK_URL: "https://hooks.example/contact", CONTACT_WEBHOOK_SECRET: "s3cret-value" };

describe("resolveContactConfig", () => {
  test.each([
    ["a webhook URL and secret", HOOK, false, { kind: "webhook", url: HOOK.CONTACT_WEBHOOK_URL, secret: "s3cret-value" }],
    ["a webhook even in stand-in mode", HOOK, true, { kind: "webhook" }],
    ["nothing, in stand-in mode", {}, true, { kind: "local-inbox" }],
    ["nothing, in production", {}, false, { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_URL", "CONTACT_WEBHOOK_SECRET"] }],
    ["a URL without a secret", { CONTACT_WEBHOOK_URL: HOOK.CONTACT_WEBHOOK_URL }, true, { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_SECRET"] }],
    ["a secret without a URL", { CONTACT_WEBHOOK_SECRET: "s" }, false, { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_URL"] }],
    ["a URL that is not http(s)", { ...HOOK, CONTACT_WEBHOOK_URL: "ftp://hooks.example" }, false, { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_URL"] }],
  ])("%s", (_label, env, standin, delivery) => {
    expect(resolveContactConfig(env, standin).delivery).toMatchObject(delivery);
  });

  test("the log notes name the missing variables and never a value", () => {
    const { notes } = resolveContactConfig({ CONTACT_WEBHOOK_URL: "https://hooks.example/t0ken" }, false);
    expect(notes.join("\n")).toContain("CONTACT_WEBHOOK_SECRET");
    expect(notes.join("\n")).toContain("SUPPORT_EMAIL");
    expect(notes.join("\n")).not.toContain("t0ken");
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
