import { describe, expect, test } from "vitest";
import { parseCookie } from "../../src/auth/parse-cookie.ts";
import { safeNextPath } from "../../src/auth/safe-redirect.ts";

describe("safeNextPath", () => {
  test.each([
    ["/support", "/support"],
    ["/support?tab=open#latest", "/support?tab=open#latest"],
    ["/a/../support", "/support"],
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
