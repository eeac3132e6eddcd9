// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from "vitest";
import {
  emailFingerprint,
  enterIdentity,
  IDENTITY_MARKER_KEY,
} from "../../src/island/identity-marker.ts";

describe("emailFingerprint", () => {
  test("is stable and 16 hex digits, so the stored marker never holds the address", () => {
    expect(emailFingerprint("ada@example.com")).toBe(emailFingerprint("ada@example.com"));
    expect(emailFingerprint("ada@example.com")).toMatch(/^[0-9a-f]{16}$/);
  });

  test.each([
    ["case", "Ada@example.com"],
    ["whitespace", " ada@example.com"],
    ["another user", "bob@example.com"],
    ["unicode", "adä@example.com"],
    ["empty", ""],
  ])("tells ada@example.com from a different %s", (_, other) => {
    expect(emailFingerprint(other)).not.toBe(emailFingerprint("ada@example.com"));
  });
});

describe("enterIdentity", () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  test("a different user clears what Helpdesky left for the previous one; the same user keeps it", () => {
    enterIdentity("ada@example.com");
    localStorage.setItem("hdh-draft", "Ada's unsent reply");
    sessionStorage.setItem("hdh-session", "ada");
    enterIdentity("ada@example.com");
    expect(localStorage.getItem("hdh-draft")).toBe("Ada's unsent reply");

    enterIdentity("bob@example.com");
    expect(localStorage.getItem("hdh-draft")).toBeNull();
    expect(sessionStorage.getItem("hdh-session")).toBeNull();
    expect(localStorage.getItem(IDENTITY_MARKER_KEY)).toBe(emailFingerprint("bob@example.com"));
  });
});
