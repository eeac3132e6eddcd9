import { createHmac } from "node:crypto";
import { describe, expect, test, vi } from "vitest";

// SESSION_SECRET as an operator might paste it, with stray spaces. Knowing the secret, the test
// signs cookies itself: what the server does with a correctly signed cookie it did not make
// (one from an older release, or made by hand by someone who holds the secret).
vi.mock("astro:env/server", () => ({ SESSION_SECRET: "  shared-secret \n" }));
const { sealSession, unsealSession } = await import("../../src/auth/demo-session.ts");

const NOW = Date.UTC(2026, 0, 1);
const signed = (payload: string) => {
  const encoded = Buffer.from(payload, "utf8").toString("base64url");
  return `${encoded}.${createHmac("sha256", "shared-secret").update(encoded).digest("base64url")}`;
};
const live = NOW / 1000 + 3600;

describe("a session secret with spaces around it", () => {
  test("is the same secret without them, so every instance accepts the others' cookies", () => {
    expect(
      unsealSession(
        signed(JSON.stringify({ email: "ada@example.com", exp: live, sid: "s1" })),
        NOW,
      ),
    ).toEqual({
      email: "ada@example.com",
      id: "s1",
      expiresAt: live * 1000,
    });
    // And what this server seals is signed with the trimmed secret.
    const [encoded, mac] = sealSession("ada@example.com", NOW).split(".");
    expect(mac).toBe(createHmac("sha256", "shared-secret").update(encoded!).digest("base64url"));
  });
});

describe("a correctly signed cookie that is not a session", () => {
  test.each([
    [
      "without a session id (so sign-out could not revoke it)",
      { email: "ada@example.com", exp: live },
    ],
    ["with a session id that is not text", { email: "ada@example.com", exp: live, sid: 7 }],
    ["without an email", { exp: live, sid: "s1" }],
    ["with an email that is not text", { email: ["ada@example.com"], exp: live, sid: "s1" }],
    ["without an expiry", { email: "ada@example.com", sid: "s1" }],
    ["with an expiry that is text", { email: "ada@example.com", exp: String(live), sid: "s1" }],
  ])("is refused: %s", (_label, payload) => {
    expect(unsealSession(signed(JSON.stringify(payload)), NOW)).toBeNull();
  });

  test.each([
    ["not JSON", "ada@example.com"],
    ["JSON null", "null"],
    ["truncated JSON", '{"email":"ada@example.com"'],
  ])("is refused, without an error: %s", (_label, payload) => {
    expect(unsealSession(signed(payload), NOW)).toBeNull();
  });
});
