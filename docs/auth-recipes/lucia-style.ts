/**
 * src/auth/index.ts with sessions of your own, as the Lucia guide (lucia-auth.com) describes:
 * a random token in an HttpOnly cookie, and only its SHA-256 in the database, so a leaked
 * database holds no usable session. SQLite through `node:sqlite`; AUTH_DB_PATH names the file.
 * Your sign-in page calls `createSession` after checking the password (and that the email is
 * verified), your sign-out route calls `invalidateSession`.
 *
 * Verified email: getSession returns only users whose `email_verified` is 1.
 * Revocation: every request reads the session row, so `invalidateSession` ends it at once.
 */
import { createHash, randomBytes } from "node:crypto";
import { DatabaseSync } from "node:sqlite";
import { parseCookie } from "./parse-cookie.ts";

export interface Session {
  /** The email exactly as the provider holds it: Helpdesky matches it byte for byte. */
  user: { email: string };
  /** Always false here: only the demo sign-in sets it. */
  demo: boolean;
}

export const SESSION_COOKIE = "session";
const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

let db: DatabaseSync | undefined;

/** The database with its two tables, opened on first use: the build loads this module without one. */
export function database(): DatabaseSync {
  if (db) return db;
  db = new DatabaseSync(process.env.AUTH_DB_PATH ?? ".data/auth.sqlite");
  db.exec(`
    CREATE TABLE IF NOT EXISTS user (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, email_verified INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE IF NOT EXISTS session (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES user(id), expires_at INTEGER NOT NULL);
  `);
  return db;
}

const sessionId = (token: string) => createHash("sha256").update(token).digest("hex");

/** Starts a session for a user; set the returned token as the `session` cookie (HttpOnly, Secure, SameSite=Lax). */
export function createSession(userId: string): { token: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = Date.now() + SESSION_LIFETIME_MS;
  database()
    .prepare("INSERT INTO session (id, user_id, expires_at) VALUES (?, ?, ?)")
    .run(sessionId(token), userId, expiresAt);
  return { token, expiresAt: new Date(expiresAt) };
}

/** Ends a session on the server: the cookie that carries `token` is refused from now on. */
export function invalidateSession(token: string): void {
  database().prepare("DELETE FROM session WHERE id = ?").run(sessionId(token));
}

/** The verified email behind a session token, or null when the session is unknown, expired or unverified. */
export function validateSessionToken(token: string, now = Date.now()): string | null {
  const row = database()
    .prepare(
      "SELECT user.email AS email, user.email_verified AS verified, session.expires_at AS expiresAt FROM session JOIN user ON user.id = session.user_id WHERE session.id = ?",
    )
    .get(sessionId(token)) as { email: string; verified: number; expiresAt: number } | undefined;
  if (!row) return null;
  if (row.expiresAt <= now) {
    invalidateSession(token);
    return null;
  }
  return row.verified === 1 ? row.email : null;
}

/** The signed-in user of a request, or null when there is none. */
export async function getSession(request: Request): Promise<Session | null> {
  const token = parseCookie(request.headers.get("cookie"), SESSION_COOKIE);
  const email = token ? validateSessionToken(token) : null;
  return email === null ? null : { user: { email }, demo: false };
}
