// The token endpoint's work with no framework: read the demo session cookie, verify its MAC and
// expiry, sign the email. Plain JavaScript on purpose: the cold-start baseline imports it, and the
// Vercel function it is compared with ships plain JavaScript too (no type stripping to pay for).
// It mirrors src/auth/demo-session.ts, src/auth/parse-cookie.ts and packages/astro-helpdesky/src/sign.ts.
import { createHmac, timingSafeEqual } from "node:crypto";

const COOKIE = "demo_session";
const HEADERS = {
  "Content-Type": "application/json",
  "Cache-Control": "private, no-store",
  Vary: "Cookie",
  "X-Robots-Tag": "noindex",
};

function cookieValue(header) {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sessionEmail(value, sessionKey) {
  if (!value) return null;
  const [encoded, signature, ...rest] = value.split(".");
  if (!encoded || !signature || rest.length > 0) return null;
  const expected = Buffer.from(
    createHmac("sha256", sessionKey).update(encoded).digest("base64url"),
  );
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
    if (typeof payload.email !== "string" || typeof payload.exp !== "number") return null;
    return payload.exp * 1000 > Date.now() ? payload.email : null;
  } catch {
    return null;
  }
}

/** The status, headers and body the token endpoint would give for this Cookie header. */
export function tokenAnswer(cookieHeader, { sessionKey, secret, helpdeskId, scriptUrl }) {
  const email = sessionEmail(cookieValue(cookieHeader), sessionKey);
  if (email === null) return { status: 401, headers: HEADERS, body: '{"error":"unauthenticated"}' };
  if (
    email.length === 0 ||
    email.length > 320 ||
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(email)
  ) {
    return { status: 422, headers: HEADERS, body: '{"error":"unsignable_email"}' };
  }
  const signature = createHmac("sha256", secret).update(email, "utf8").digest("hex");
  return {
    status: 200,
    headers: HEADERS,
    body: JSON.stringify({ helpdeskId, email, signature, scriptUrl }),
  };
}

/** Configuration from the same variables the site reads. */
export function configFromEnv(env = process.env) {
  return {
    sessionKey: env.SESSION_SECRET ?? "",
    secret: env.HELPDESKY_HMAC_SECRET || "bench-secret",
    helpdeskId: "local-standin",
    scriptUrl: "/helpdesky-standin/ticket-center.js",
  };
}
