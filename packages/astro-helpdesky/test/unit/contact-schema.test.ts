import { describe, expect, test } from "vitest";
import { CONTACT_LIMITS } from "../../src/contact/fields.ts";
import { validateContact } from "../../src/contact/schema.ts";

const VALID = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  subject: "Invoice",
  message: "Hello",
  source: "/contact",
};
const emailOfLength = (n: number) => `${"a".repeat(n - "@example.com".length)}@example.com`;

describe("the Contact Form schema", () => {
  test("accepts a complete message and trims it", () => {
    const result = validateContact({ ...VALID, name: "  Ada  ", message: "  Hello\n" });
    expect(result).toEqual({ ok: true, message: { ...VALID, name: "Ada", message: "Hello" } });
  });

  test("accepts a message without the optional fields", () => {
    expect(validateContact({ email: "ada@example.com", message: "Hi" })).toEqual({
      ok: true,
      message: { name: "", email: "ada@example.com", subject: "", message: "Hi", source: "" },
    });
  });

  // Each limit at n (accepted) and n + 1 (refused with the field's own message).
  test.each([
    [
      "name",
      CONTACT_LIMITS.name,
      (n: number) => "a".repeat(n),
      "Name must be at most 100 characters.",
    ],
    [
      "subject",
      CONTACT_LIMITS.subject,
      (n: number) => "s".repeat(n),
      "Subject must be at most 150 characters.",
    ],
    [
      "message",
      CONTACT_LIMITS.message,
      (n: number) => "m".repeat(n),
      "Message must be at most 5,000 characters.",
    ],
    ["email", CONTACT_LIMITS.email, emailOfLength, "Email must be at most 320 characters."],
  ] as const)("%s: %i characters pass, one more fails", (field, limit, make, message) => {
    expect(validateContact({ ...VALID, [field]: make(limit) }).ok).toBe(true);
    expect(validateContact({ ...VALID, [field]: make(limit + 1) })).toEqual({
      ok: false,
      errors: { [field]: message },
    });
  });

  test.each([
    ["an empty email", { email: "" }, { email: "Enter your email address." }],
    ["a missing email", { email: undefined }, { email: "Enter your email address." }],
    [
      "an email without a domain",
      { email: "ada@" },
      { email: "Enter a valid email address, like name@example.com." },
    ],
    [
      "an email without a top-level domain",
      { email: "ada@example" },
      { email: "Enter a valid email address, like name@example.com." },
    ],
    ["an empty message", { message: "" }, { message: "Enter your message." }],
    ["a message of spaces only", { message: "  \n\t " }, { message: "Enter your message." }],
    ["a non-string message", { message: 42 }, { message: "Enter your message." }],
    [
      "a subject with a line break",
      { subject: "Hi\r\nBcc: x@y.z" },
      { subject: "Subject must fit on one line." },
    ],
    ["a name with a line break", { name: "Ada\nLovelace" }, { name: "Name must fit on one line." }],
    [
      "everything empty",
      { email: "", message: "" },
      { email: "Enter your email address.", message: "Enter your message." },
    ],
  ])("refuses %s", (_label, patch, errors) => {
    expect(validateContact({ ...VALID, ...patch })).toEqual({ ok: false, errors });
  });

  // Characters no one types, each able to split or disguise a header, a log line or a subject.
  test.each([
    ["NUL", "\u0000"],
    ["ESC", "\u001b"],
    ["a tab", "\t"],
    ["a vertical tab", "\u000b"],
    ["a form feed", "\u000c"],
    ["DEL", "\u007f"],
    ["U+0085 (next line)", "\u0085"],
    ["U+009B (a C1 control)", "\u009b"],
  ])("refuses %s inside a name or a subject", (_label, character) => {
    expect(
      validateContact({ ...VALID, name: `Ada${character}Lovelace`, subject: `Re${character}: hi` }),
    ).toEqual({
      ok: false,
      errors: {
        name: "Name must not contain control characters.",
        subject: "Subject must not contain control characters.",
      },
    });
  });

  test.each([
    ["U+2028 (line separator)", "\u2028"],
    ["U+2029 (paragraph separator)", "\u2029"],
    ["a carriage return", "\r"],
  ])("refuses %s inside a name or a subject as a line break", (_label, character) => {
    expect(
      validateContact({ ...VALID, name: `Ada${character}Lovelace`, subject: `Re${character}hi` }),
    ).toEqual({
      ok: false,
      errors: { name: "Name must fit on one line.", subject: "Subject must fit on one line." },
    });
  });

  test("gives a missing required field the words an empty one gets", () => {
    expect(validateContact({ name: "Ada" })).toEqual({
      ok: false,
      errors: { email: "Enter your email address.", message: "Enter your message." },
    });
  });

  test("words an optional field sent as another type", () => {
    expect(validateContact({ ...VALID, name: 7, subject: ["x"] })).toEqual({
      ok: false,
      errors: { name: "Name must be text.", subject: "Subject must be text." },
    });
  });

  test.each([
    ["an accented name", { name: "Zoë Ångström" }],
    ["a CJK message", { message: "你好，我的账单有问题。" }],
    ["emoji in the subject", { subject: "Billing 💳 help" }],
    ["a right-to-left message", { message: "مرحبا، لدي سؤال" }],
  ])("accepts unicode: %s", (_label, patch) => {
    expect(validateContact({ ...VALID, ...patch }).ok).toBe(true);
  });

  test("counts length as the browser's maxlength does (UTF-16 code units)", () => {
    // 2,500 emoji are 5,000 code units: the largest message the browser lets through.
    expect(validateContact({ ...VALID, message: "😀".repeat(2500) }).ok).toBe(true);
    expect(validateContact({ ...VALID, message: `${"😀".repeat(2500)}a` }).ok).toBe(false);
  });

  test.each([
    ["a full URL", "https://evil.example/"],
    ["a very long path", `/${"p".repeat(CONTACT_LIMITS.source)}`],
    ["a non-string", 7],
  ])("drops an odd source (%s) instead of refusing the message", (_label, source) => {
    expect(validateContact({ ...VALID, source })).toMatchObject({
      ok: true,
      message: { source: "" },
    });
  });
});
