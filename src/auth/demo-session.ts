import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { SESSION_SECRET } from "astro:env/server";

/** The demo sign-in's cookie. A real auth provider replaces this file. */
// Stryker disable next-line StringLiteral: a name only; every reader and writer takes it from here
export const SESSION_COOKIE = "demo_session";
/** How long a demo session lasts. */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 8;

// Unset, sessions last as long as the server process: fine for a demo, never for production.
const sessionKey = SESSION_SECRET?.trim() || randomBytes(32).toString("hex");

interface SessionPayload {
  email: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
  /** A random id, so that sign-out can revoke this one session (demo-session-revocation.ts). */
  sid: string;
}

/** What a valid cookie holds. */
export interface DemoSession {
  email: string;
  id: string;
  /** Expiry, in milliseconds since the epoch. */
  expiresAt: number;
}

function mac(payload: string): string {
  return createHmac("sha256", sessionKey).update(payload).digest("base64url");
}

/** Seals an email into a cookie value that only this server can have made. */
export function sealSession(email: string, now = Date.now()): string {
  const payload: SessionPayload = {
    email,
    exp: Math.floor(now / 1000) + SESSION_MAX_AGE_SECONDS,
    sid: randomBytes(16).toString("base64url"),
  };
  // Stryker disable next-line StringLiteral: Buffer.from reads an empty encoding as UTF-8
  const encoded = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${encoded}.${mac(encoded)}`;
}

/** The session in a sealed cookie value, or null when it is missing, tampered with or expired. */
export function unsealSession(value: string | undefined, now = Date.now()): DemoSession | null {
  if (!value) return null;
  const [encoded, signature, ...rest] = value.split(".");
  if (!encoded || !signature || rest.length > 0) return null;
  const expected = Buffer.from(mac(encoded));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(
      Buffer.from(encoded, "base64url").toString("utf8"),
    ) as SessionPayload;
    if (
      typeof payload.email !== "string" ||
      typeof payload.exp !== "number" ||
      typeof payload.sid !== "string"
    )
      return null;
    if (payload.exp * 1000 <= now) return null;
    return { email: payload.email, id: payload.sid, expiresAt: payload.exp * 1000 };
  } catch {
    return null;
  }
}

/** Cookie attributes: never readable by scripts, sent on top-level navigations, HTTPS outside `astro dev`. */
export const sessionCookieOptions = {
  httpOnly: true,
  sameSite: "lax",
  secure: !import.meta.env.DEV,
  path: "/",
  maxAge: SESSION_MAX_AGE_SECONDS,
} as const;
