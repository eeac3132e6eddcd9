/**
 * src/auth/index.ts for Clerk through `@clerk/backend`. Set CLERK_SECRET_KEY and
 * CLERK_PUBLISHABLE_KEY on the server, and SITE_ORIGIN to the site's origin (Clerk refuses tokens
 * minted for other origins).
 *
 * Verified email: only a primary address whose verification status is "verified" is returned.
 * Revocation: Clerk's session tokens live 60 s; a revoked session is refused within that minute.
 * Each signed-in request also asks Clerk's API for the user: cache it if that is too slow for you.
 */
import { createClerkClient } from "@clerk/backend";

export interface Session {
  /** The email exactly as the provider holds it: Helpdesky matches it byte for byte. */
  user: { email: string };
  /** Always false here: only the demo sign-in sets it. */
  demo: boolean;
}

const clerk = createClerkClient({
  secretKey: process.env.CLERK_SECRET_KEY,
  publishableKey: process.env.CLERK_PUBLISHABLE_KEY,
});

/** The signed-in user of a request, or null when there is none. */
export async function getSession(request: Request): Promise<Session | null> {
  const state = await clerk.authenticateRequest(request, {
    authorizedParties: process.env.SITE_ORIGIN ? [process.env.SITE_ORIGIN] : undefined,
  });
  if (!state.isAuthenticated) return null;
  const { userId } = state.toAuth();
  const primary = (await clerk.users.getUser(userId)).primaryEmailAddress;
  return primary?.verification?.status === "verified"
    ? { user: { email: primary.emailAddress }, demo: false }
    : null;
}
