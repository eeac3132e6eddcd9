import { redisHealth, sharedRedis } from "astro-helpdesky/store";
import type { DemoSession } from "./demo-session.ts";
import { memorySessionDenylist, redisSessionDenylist } from "./demo-session-denylist.ts";

// Shared through Redis when the site has one, so a sign-out holds on every instance.
const denylist = sharedRedis
  ? redisSessionDenylist(sharedRedis, memorySessionDenylist(), redisHealth)
  : memorySessionDenylist();

/** Ends a demo session for good: its cookie is refused from now until it would have expired. */
export function revokeSession(session: DemoSession): Promise<void> {
  return denylist.revoke(session.id, session.expiresAt);
}

/** Whether the session was signed out. */
export function isSessionRevoked(session: DemoSession): Promise<boolean> {
  return denylist.isRevoked(session.id);
}
