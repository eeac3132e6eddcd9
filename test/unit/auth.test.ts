import { describe, expect, test } from "vitest";
import { SESSION_MAX_AGE_SECONDS, sealSession, unsealSession } from "../../src/auth/demo-session.ts";
import { demoEmailProblem } from "../../src/auth/demo-sign-in.ts";
import { parseCookie } from "../../src/auth/parse-cookie.ts";
import { safeNextPath } from "../../src/auth/safe-redirect.ts";
import { OPEN_REDIRECTS } from "../fixtures/open-redirects.ts";

describe("demo session cookie", () => {
  const now = Date.UTC(2026, 0, 1);

  test("round-trips the email exactly, non-ASCII and case included", () => {
    expect(unsealSession(sealSession("Zoë@Exämple.com", now), now)).toBe("Zoë@Exämple.com");
  });

  test("expires after its maximum age", () => {
    const sealed = sealSession("ada@example.com", now);
    expect(unsealSession(sealed, now + (SESSION_MAX_AGE_SECONDS - 1) * 1000)).toBe("ada@example.com");
    expect(unsealSession(sealed, now + SESSION_MAX_AGE_SECONDS * 1000)).toBeNull();
  });

  test("rejects a payload rewritten to another email", () => {
    const [, mac] = sealSession("ada@example.com", now).split(".");
    const forged = Buffer.from(JSON.stringify({ email: "eve@example.com", exp: now / 1000 + 60 })).toString("base64url");
    expect(unsealSession(`${forged}.${mac}`, now)).toBeNull();
  });

  test.each([
    ["missing", undefined],
    ["empty", ""],
    ["without a signature", "eyJlbWFpbCI6ImFAYi5jIn0"],
    ["with a flipped signature character", sealSession("ada@example.com", now).replace(/.$/, (c) => (c === "A" ? "B" : "A"))],
    ["with an extra part", `${sealSession("ada@example.com", now)}.x`],
  ])("rejects a cookie %s", (_label, value) => {
    expect(unsealSession(value, now)).toBeNull();
  });
});

describe("safeNextPath", () => {
  test.each([
    ["/support", "/support"],
    ["/support?tab=open#latest", "/support?tab=open#latest"],
    ["/a/../support", "/support"],
    ["/./support", "/support"],
    ["/%2e%2e/support", "/support"],
    ["/support/a%20b", "/support/a%20b"],
  ])("keeps the same-site path %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  test.each([
    ["an absolute URL", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example/"],
    ["a backslash trick", "/\\evil.example"],
    ["a tab before the host", "/\t/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "support"],
    ["nothing", null],
  ])("falls back to /support for %s", (_label, next) => {
    expect(safeNextPath(next)).toBe("/support");
  });

  test.each(OPEN_REDIRECTS)("falls back to /support for %s (%s)", (_family, next) => {
    expect(safeNextPath(next)).toBe("/support");
  });

  test.each(OPEN_REDIRECTS)("never gives a path a browser reads as another host, for %s", (_family, next) => {
    const path = safeNextPath(next, "/fallback");
    expect(new URL(path, "https://acme.example").origin).toBe("https://acme.example");
    expect(path).not.toMatch(/^[/\\]{2}/);
  });
});

describe("demoEmailProblem", () => {
  test.each(["ada@example.com", "Zoë@exämple.com", "用户@例子.广告", "a+tag@sub.example.co.uk"])(
    "accepts %s",
    (email) => expect(demoEmailProblem(email)).toBeNull(),
  );

  test.each([
    ["", "Enter your email address."],
    ["ada", "Enter an address like name@example.com."],
    ["@example.com", "Enter an address like name@example.com."],
    ["ada@", "Enter an address like name@example.com."],
    ["ada @example.com", "An email address has no spaces or line breaks."],
    [`${"a".repeat(309)}@example.com`, "Use at most 320 characters."],
  ])("refuses %j", (email, problem) => {
    expect(demoEmailProblem(email)).toBe(problem);
  });
});

describe("parseCookie", () => {
  test.each([
    ["a=1; demo_session=abc.def; b=2", "abc.def"],
    ["demo_session=x=y", "x=y"],
    ["other=1", undefined],
    [null, undefined],
  ])("reads demo_session from %j", (header, expected) => {
    expect(parseCookie(header, "demo_session")).toBe(expected);
  });
});
