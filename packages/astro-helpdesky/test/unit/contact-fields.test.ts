import * as v from "valibot";
import { describe, expect, test } from "vitest";
import {
  CONTACT_LIMITS,
  EMAIL_PATTERN,
  checkContactFields,
  type ContactValues,
} from "../../src/contact/fields.ts";
import { validateContact } from "../../src/contact/schema.ts";

const VALID = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  subject: "Invoice",
  message: "Hello",
};
const emailOfLength = (n: number) => `${"a".repeat(n - "@example.com".length)}@example.com`;
const over = (limit: number, char = "x") => char.repeat(limit + 1);

// Inputs a visitor can type. For each, the island's check (no schema library) must give exactly
// the errors the server's Valibot schema gives: the same fields, the same first message.
const CASES: Array<[string, ContactValues]> = [
  ["a complete message", VALID],
  ["only the required fields", { email: "ada@example.com", message: "Hi" }],
  [
    "padding around every field",
    { name: "  Ada ", email: "  ada@example.com\t", subject: " Hi ", message: "\n Hello \n" },
  ],
  ["everything empty", { name: "", email: "", subject: "", message: "" }],
  ["spaces only", { ...VALID, email: "   ", message: " \n\t " }],
  [
    "the limits exactly",
    {
      name: "n".repeat(CONTACT_LIMITS.name),
      email: emailOfLength(CONTACT_LIMITS.email),
      subject: "s".repeat(CONTACT_LIMITS.subject),
      message: "m".repeat(CONTACT_LIMITS.message),
    },
  ],
  [
    "one over each limit",
    {
      name: over(CONTACT_LIMITS.name),
      email: emailOfLength(CONTACT_LIMITS.email + 1),
      subject: over(CONTACT_LIMITS.subject),
      message: over(CONTACT_LIMITS.message),
    },
  ],
  [
    "the limits with padding that trims away",
    {
      ...VALID,
      name: ` ${"n".repeat(CONTACT_LIMITS.name)} `,
      message: `${"m".repeat(CONTACT_LIMITS.message)}\n`,
    },
  ],
  ["emoji counted as two units each", { ...VALID, message: "😀".repeat(2500) }],
  ["emoji one unit over", { ...VALID, message: `${"😀".repeat(2500)}a` }],
  [
    "line breaks in the one-line fields",
    { ...VALID, name: "Ada\nLovelace", subject: "Hi\r\nBcc: x@y.z" },
  ],
  ["a Unicode line separator", { ...VALID, subject: "Hi\u2028there" }],
  [
    "control characters in the one-line fields",
    { ...VALID, name: "Ada\u0000", subject: "Hi\u0085there" },
  ],
  [
    "a tab inside a name, a line break and an escape in a subject",
    { ...VALID, name: "Ada\tLovelace", subject: "Hi\n\u001b[2J" },
  ],
  ["control characters in the message", { ...VALID, message: "Tab\there\u000bthere" }],
  ["a long subject with a line break", { ...VALID, subject: `${over(CONTACT_LIMITS.subject)}\nx` }],
  ["line breaks in the message", { ...VALID, message: "Line one\nLine two" }],
  [
    "unicode everywhere",
    {
      name: "Zoë Ångström",
      email: "zoe@example.com",
      subject: "Billing 💳",
      message: "你好，مرحبا",
    },
  ],
  ...(
    [
      "ada@",
      "ada@example",
      "ada@example.c",
      "ada example.com",
      "ada@@example.com",
      "ada@example..com",
      ".ada@example.com",
      "ada.@example.com",
      "ada@-example.com",
      "ada+tag@example.co.uk",
      "ADA@EXAMPLE.COM",
      "a_b-c@sub.example-host.io",
      "zoë@example.com",
      "ada@exämple.com",
      "ada@example.com\nbcc@example.com",
      "ada@example.co\u212a",
      "\u017fada@example.com",
    ] as const
  ).map((email): [string, ContactValues] => [
    `the email ${JSON.stringify(email)}`,
    { ...VALID, email },
  ]),
];

describe("the island's field check", () => {
  test.each(CASES)("agrees with the server's schema: %s", (_label, values) => {
    const server = validateContact(values);
    expect(checkContactFields(values)).toEqual(server.ok ? {} : server.errors);
  });

  // The shared pattern is Valibot's own email rule, which the server used before it was shared.
  test.each([
    "ada@example.com",
    "ada+tag@sub.example.co.uk",
    "ADA@EXAMPLE.COM",
    "ada@",
    "ada@example",
    "ada@example.c",
    "a..b@example.com",
    "ada@example.co\u212a",
    "\u017fada@example.com",
    "zoë@example.com",
  ])("matches Valibot's email() rule: %s", (email) => {
    expect(EMAIL_PATTERN.test(email)).toBe(
      v.safeParse(v.pipe(v.string(), v.email()), email).success,
    );
  });

  test("refuses what the server refuses, with the server's words", () => {
    expect(checkContactFields({ email: "ada@", message: "" })).toEqual({
      email: "Enter a valid email address, like name@example.com.",
      message: "Enter your message.",
    });
  });
});

// Verdicts stated outright, not as agreement between the two checks: both read one pattern.
describe("the email rule, as a visitor meets it", () => {
  const verdicts = (email: string) => [
    checkContactFields({ ...VALID, email }).email,
    validateContact({ ...VALID, email }).ok,
  ];

  test.each([
    "ada@example.com",
    "ada.lovelace@example.com",
    "ada+tag@sub.example.co.uk",
    "a_b-c@sub.example-host.io",
    "ADA@EXAMPLE.COM",
    "  ada@example.com\t",
    "a@b.io",
  ])("accepts %j", (email) => {
    expect(verdicts(email)).toEqual([undefined, true]);
  });

  test.each([
    "ada@",
    "@example.com",
    "ada@example",
    "ada@example.c",
    "ada@example.c0m",
    "ada example.com",
    "ada@@example.com",
    "ada@example..com",
    "ada@example.com.",
    ".ada@example.com",
    "ada.@example.com",
    "a..b@example.com",
    "ada@-example.com",
    "ada@example-.com",
    "ada@exa_mple.com",
    "zoë@example.com",
    "ada@exämple.com",
    "ada@example.com\nbcc@example.com",
    "ada\n@example.com",
    "ada@example.com\r\nBcc: eve@example.com",
    "ada@example.co\u212a",
    "\u017fada@example.com",
  ])("refuses %j", (email) => {
    expect(verdicts(email)).toEqual(["Enter a valid email address, like name@example.com.", false]);
  });
});
