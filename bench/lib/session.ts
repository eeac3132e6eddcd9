import { createHmac, randomBytes } from "node:crypto";

/** The SESSION_SECRET every bench server gets, so the bare baselines can verify the same cookie. */
export const BENCH_SESSION_SECRET = "bench-session-key-not-a-real-one";
export const BENCH_EMAIL = "ada@example.com";

/** Signs in through the demo form, as a browser posts it, and returns the `name=value` cookie. */
export async function signIn(baseUrl: string, email = BENCH_EMAIL): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, next: "/support" }),
    redirect: "manual",
  });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (response.status !== 303 || !cookie.startsWith("demo_session=")) {
    throw new Error(`Sign-in failed: ${response.status}`);
  }
  return cookie;
}

/** A demo session cookie sealed with BENCH_SESSION_SECRET, for handlers that have no sign-in form. */
export function sealedCookie(email = BENCH_EMAIL, key = BENCH_SESSION_SECRET): string {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const encoded = Buffer.from(
    JSON.stringify({ email, exp, sid: randomBytes(16).toString("base64url") }),
  ).toString("base64url");
  return `demo_session=${encoded}.${createHmac("sha256", key).update(encoded).digest("base64url")}`;
}
