import { describe, expect, test } from "vitest";
import { MAX_EMAIL_LENGTH, signEmail, UnsignableEmailError } from "../../src/sign.ts";

const SECRET = "hdh_secret_test_0123456789abcdef";

describe("signEmail", () => {
  // Expected values computed outside this code base (Python's hmac module), written down here.
  test.each([
    ["ada@example.com", "cdb86f625901a630653d9b1c2d5eb1b4f8ba499b7a631d6ba1ad06fb730d1cf9"],
    ["Ada@Example.com", "a12a909cfdbad7f8d0e1bc44e3622e550edb0972fd2aa37a871dd787b846ebda"],
    ["zoë@exämple.com", "d446948b4ec5098d5134047615a51f387e782d7c228a58d596c5faa6cde9db96"],
    ["用户@例子.广告", "f06db9878fc8c74af0f0b7b0d4c2c1fee6bfa97da5b75800c908800d7a88dfc2"],
  ])("signs %s as lower-case hex HMAC-SHA256 of its UTF-8 bytes", (email, expected) => {
    expect(signEmail(email, SECRET)).toBe(expected);
  });

  test("keeps the email's case: two spellings are two users to Helpdesky", () => {
    expect(signEmail("Ada@Example.com", SECRET)).not.toBe(signEmail("ada@example.com", SECRET));
  });

  test("accepts an email of exactly the maximum length", () => {
    const email = `${"a".repeat(MAX_EMAIL_LENGTH - "@example.com".length)}@example.com`;
    expect(email).toHaveLength(MAX_EMAIL_LENGTH);
    expect(signEmail(email, SECRET)).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    ["an empty email", "", /empty/],
    [
      "an email one character too long",
      `${"a".repeat(MAX_EMAIL_LENGTH - 11)}@example.com`,
      /longer than 320/,
    ],
    ["a line feed", "ada@example.com\n", /line break/],
    ["a carriage return", "ada@example.com\r\nBcc: x@y.z", /line break/],
    ["a NUL byte", "ada\u0000@example.com", /control character/],
    ["a tab", "ada\t@example.com", /control character/],
    ["a Unicode line separator", "ada@example.com\u2028", /line break/],
  ])("refuses %s instead of signing it", (_label, email, message) => {
    expect(() => signEmail(email, SECRET)).toThrow(UnsignableEmailError);
    expect(() => signEmail(email, SECRET)).toThrow(message);
  });

  test("refuses to sign with an empty secret", () => {
    expect(() => signEmail("ada@example.com", "")).toThrow(/secret is empty/);
  });
});
