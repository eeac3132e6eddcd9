import { describe, expect, test } from "vitest";
import {
  SESSION_MAX_AGE_SECONDS,
  sealSession,
  unsealSession,
} from "../../src/auth/demo-session.ts";
import { memorySessionDenylist } from "../../src/auth/demo-session-denylist.ts";
import { demoEmailProblem } from "../../src/auth/demo-sign-in.ts";

// The demo sign-in's own tests: deleted with it when a real auth provider replaces it (README).
describe("demo session cookie", () => {
  const now = Date.UTC(2026, 0, 1);

  test("round-trips the email exactly, non-ASCII and case included", () => {
    expect(unsealSession(sealSession("Zoë@Exämple.com", now), now)?.email).toBe("Zoë@Exämple.com");
  });

  test("expires after its maximum age", () => {
    const sealed = sealSession("ada@example.com", now);
    expect(unsealSession(sealed, now + (SESSION_MAX_AGE_SECONDS - 1) * 1000)?.email).toBe(
      "ada@example.com",
    );
    expect(unsealSession(sealed, now + SESSION_MAX_AGE_SECONDS * 1000)).toBeNull();
  });

  test("lasts eight hours from sign-in, and says when it ends", () => {
    const eightHours = 8 * 60 * 60 * 1000;
    const session = unsealSession(sealSession("ada@example.com", now), now);
    expect(session?.expiresAt).toBe(now + eightHours);
    expect(
      unsealSession(sealSession("ada@example.com", now), now + eightHours - 1000),
    ).not.toBeNull();
  });

  test("rejects a payload rewritten to another email", () => {
    const [, mac] = sealSession("ada@example.com", now).split(".");
    const forged = Buffer.from(
      JSON.stringify({ email: "eve@example.com", exp: now / 1000 + 60 }),
    ).toString("base64url");
    expect(unsealSession(`${forged}.${mac}`, now)).toBeNull();
  });

  test.each([
    ["missing", undefined],
    ["empty", ""],
    ["without a signature", "eyJlbWFpbCI6ImFAYi5jIn0"],
    [
      "with a flipped signature character",
      sealSession("ada@example.com", now).replace(/.$/, (c) => (c === "A" ? "B" : "A")),
    ],
    ["with an extra part", `${sealSession("ada@example.com", now)}.x`],
    ["with a signature cut short", sealSession("ada@example.com", now).slice(0, -1)],
    ["with a signature made longer", `${sealSession("ada@example.com", now)}A`],
  ])("rejects a cookie %s", (_label, value) => {
    expect(unsealSession(value, now)).toBeNull();
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

describe("the memory session denylist", () => {
  test("refuses a signed-out session until its cookie would have expired, then forgets it", async () => {
    let now = 1_000_000;
    const denylist = memorySessionDenylist(() => now);
    await denylist.revoke("s1", now + 60_000);
    expect(await denylist.isRevoked("s1")).toBe(true);
    expect(await denylist.isRevoked("s2")).toBe(false);
    now += 60_000;
    expect(await denylist.isRevoked("s1")).toBe(false);
  });
});
