import type { AstroCookies } from "astro";
import { describe, expect, test } from "vitest";
import { syncSessionHint } from "../../src/auth/session-hint.ts";

/** The part of Astro's cookies the hint uses: what the request sent, and what the answer sets. */
function cookiesWith(sent: Record<string, string>) {
  const set: Record<string, { value: string; maxAge?: number } | "deleted"> = {};
  const cookies = {
    get: (name: string) => (name in sent ? { value: sent[name]! } : undefined),
    has: (name: string) => name in sent,
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      set[name] = { value, maxAge: options?.maxAge };
    },
    delete: (name: string) => {
      set[name] = "deleted";
    },
  };
  return { cookies: cookies as unknown as AstroCookies, set };
}

describe("syncSessionHint", () => {
  const now = Date.UTC(2026, 0, 1);
  const user = { email: "ada@example.com" };

  test("a session without a hint gets one that ends with the session", () => {
    const { cookies, set } = cookiesWith({});
    syncSessionHint(cookies, { user, expiresAt: now + 90 * 60_000 }, now);
    expect(set).toEqual({ signed_in: { value: "1", maxAge: 90 * 60 } });
  });

  test("a provider that does not say when its session ends gets the demo's 8 hours", () => {
    const { cookies, set } = cookiesWith({});
    syncSessionHint(cookies, { user }, now);
    expect(set).toEqual({ signed_in: { value: "1", maxAge: 8 * 60 * 60 } });
  });

  test("no session: a hint left behind is cleared, and none is made", () => {
    const stale = cookiesWith({ signed_in: "1" });
    syncSessionHint(stale.cookies, null, now);
    expect(stale.set).toEqual({ signed_in: "deleted" });

    const none = cookiesWith({});
    syncSessionHint(none.cookies, null, now);
    expect(none.set).toEqual({});
  });

  test("a hint already in place is left as it is", () => {
    const { cookies, set } = cookiesWith({ signed_in: "1" });
    syncSessionHint(cookies, { user, expiresAt: now + 60_000 }, now);
    expect(set).toEqual({});
  });
});
