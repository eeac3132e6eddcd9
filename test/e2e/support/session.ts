import { createHmac, randomBytes } from "node:crypto";
import { SHARED_SERVER_ENV } from "../global-setup.ts";

/**
 * Signs in through the demo form the way a browser posts it, and returns the session cookie
 * (`cookie`, as a `Cookie` header value) and every cookie set (`cookies`: the session and the
 * header's signed-in hint).
 */
export async function signIn(
  baseUrl: string,
  email: string,
): Promise<{
  cookie: string;
  cookies: { name: string; value: string }[];
  setCookie: string;
  response: Response;
}> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, next: "/support" }),
    redirect: "manual",
  });
  const setCookie = response.headers.get("set-cookie") ?? "";
  const cookies = response.headers.getSetCookie().map((line) => {
    const pair = line.split(";")[0] ?? "";
    const eq = pair.indexOf("=");
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
  });
  return { cookie: setCookie.split(";")[0] ?? "", cookies, setCookie, response };
}

/** A demo session cookie made with the shared server's key, for expiry and tampering tests. */
export function forgeSessionCookie(
  email: string,
  expiresAtSeconds: number,
  key = SHARED_SERVER_ENV.SESSION_SECRET,
): string {
  const encoded = Buffer.from(
    JSON.stringify({ email, exp: expiresAtSeconds, sid: randomBytes(16).toString("base64url") }),
  ).toString("base64url");
  const mac = createHmac("sha256", key).update(encoded).digest("base64url");
  return `demo_session=${encoded}.${mac}`;
}
