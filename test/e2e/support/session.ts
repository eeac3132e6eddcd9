import { createHmac, randomBytes } from "node:crypto";
import { SHARED_SERVER_ENV } from "../global-setup.ts";

/** Signs in through the demo form the way a browser posts it, and returns the session cookie. */
export async function signIn(baseUrl: string, email: string): Promise<{ cookie: string; setCookie: string; response: Response }> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, next: "/support" }),
    redirect: "manual",
  });
  const setCookie = response.headers.get("set-cookie") ?? "";
  return { cookie: setCookie.split(";")[0] ?? "", setCookie, response };
}

/** A demo session cookie made with the shared server's key, for expiry and tampering tests. */
export function forgeSessionCookie(email: string, expiresAtSeconds: number, key = SHARED_SERVER_ENV.SESSION_SECRET): string {
  const encoded = Buffer.from(JSON.stringify({ email, exp: expiresAtSeconds, sid: randomBytes(16).toString("base64url") })).toString("base64url");
  const mac = createHmac("sha256", key).update(encoded).digest("base64url");
  return `demo_session=${encoded}.${mac}`;
}
