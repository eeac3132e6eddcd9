/**
 * src/auth/index.ts for Auth.js through `auth-astro` (with `@auth/core`). Add the `auth()`
 * integration and an `auth.config.ts` as auth-astro's README shows; getSession reads that config.
 *
 * Verified email: Auth.js passes on whatever email the provider returns. Use providers that only
 * return verified addresses (GitHub's primary email, Google with `email_verified`, the Email
 * provider), or refuse the others in the `signIn` callback.
 * Revocation: with the default JWT strategy a session lives until its cookie expires; use a
 * database adapter (`session: { strategy: "database" }`) so that signing out ends it on the server.
 */
import { getSession as authJsSession } from "auth-astro/server";

export interface Session {
  /** The email exactly as the provider holds it: Helpdesky matches it byte for byte. */
  user: { email: string };
  /** Always false here: only the demo sign-in sets it. */
  demo: boolean;
}

/** The signed-in user of a request, or null when there is none. */
export async function getSession(request: Request): Promise<Session | null> {
  const email = (await authJsSession(request))?.user?.email;
  return email ? { user: { email }, demo: false } : null;
}
