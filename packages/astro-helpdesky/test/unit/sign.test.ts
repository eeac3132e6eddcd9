import { describe, expect, test, vi } from "vitest";
import { MAX_EMAIL_LENGTH, signEmail, UnsignableEmailError } from "../../src/sign.ts";
import { signEmailOnAnyRuntime } from "../../src/sign-any-runtime.ts";
import { signEmailWebCrypto } from "../../src/sign-web-crypto.ts";
import { SIGNING_VECTORS, VECTOR_SECRET } from "../signing-vectors.ts";

const SECRET = VECTOR_SECRET;

describe.each([
  ["signEmail (node:crypto)", async (email: string, secret: string) => signEmail(email, secret)],
  ["signEmailWebCrypto", signEmailWebCrypto],
  ["signEmailOnAnyRuntime", signEmailOnAnyRuntime],
])("%s", (_name, sign) => {
  test.each(SIGNING_VECTORS)(
    "signs %s as lower-case hex HMAC-SHA256 of its UTF-8 bytes",
    async (email, expected) => {
      expect(await sign(email, SECRET)).toBe(expected);
    },
  );

  test("refuses an email that cannot be signed, and an empty secret", async () => {
    await expect(sign("ada@example.com\n", SECRET)).rejects.toThrow(UnsignableEmailError);
    await expect(sign("ada@example.com", "")).rejects.toThrow(/secret is empty/);
  });
});

describe("signEmail", () => {
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

describe("signEmailOnAnyRuntime without Node's built-ins", () => {
  test("signs the contract's vectors with Web Crypto, as on workerd without nodejs_compat", async () => {
    vi.resetModules();
    vi.stubGlobal("process", { ...process, getBuiltinModule: undefined });
    try {
      const { signEmailOnAnyRuntime: sign } = await import("../../src/sign-any-runtime.ts");
      const subtle = vi.spyOn(crypto.subtle, "sign");
      for (const [email, expected] of SIGNING_VECTORS)
        expect(await sign(email, SECRET)).toBe(expected);
      expect(subtle).toHaveBeenCalledTimes(SIGNING_VECTORS.length);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test("with them, signs without a Web Crypto round trip", async () => {
    const subtle = vi.spyOn(crypto.subtle, "sign");
    const [email, expected] = SIGNING_VECTORS[0]!;
    expect(await signEmailOnAnyRuntime(email, SECRET)).toBe(expected);
    expect(subtle).not.toHaveBeenCalled();
  });
});
