import { describe, expect, test } from "vitest";
import { parseCookie } from "../../src/auth/parse-cookie.ts";
import { safeNextPath } from "../../src/auth/safe-redirect.ts";
import { OPEN_REDIRECTS } from "../fixtures/open-redirects.ts";

describe("safeNextPath", () => {
  test.each([
    ["/support", "/support"],
    ["/support?tab=open#latest", "/support?tab=open#latest"],
    ["/a/../support", "/support"],
    ["/./support", "/support"],
    ["/%2e%2e/support", "/support"],
    ["/support/a%20b", "/support/a%20b"],
    ["/support//tickets", "/support//tickets"],
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
    ["a tab inside a path, which the parser would drop", "/sup\tport"],
    ["a NUL inside a path", "/support\u0000"],
    ["a host the parser refuses", "//["],
    ["a malformed percent-encoding", "/%E0%A4%A"],
    ["nothing", null],
  ])("falls back for %s", (_label, next) => {
    // A fallback no refused value resolves to, so "refused" and "kept" cannot look the same.
    expect(safeNextPath(next, "/fallback")).toBe("/fallback");
  });

  test.each(OPEN_REDIRECTS)("falls back to /support for %s (%s)", (_family, next) => {
    expect(safeNextPath(next)).toBe("/support");
  });

  test.each(OPEN_REDIRECTS)(
    "never gives a path a browser reads as another host, for %s",
    (_family, next) => {
      const path = safeNextPath(next, "/fallback");
      expect(new URL(path, "https://acme.example").origin).toBe("https://acme.example");
      expect(path).not.toMatch(/^[/\\]{2}/);
    },
  );
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
