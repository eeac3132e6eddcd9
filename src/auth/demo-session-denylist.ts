import {
  answerInTime,
  describeRedisError,
  type RedisHealth,
  type SharedRedis,
} from "astro-helpdesky/store";

/** Sessions signed out before their cookie expires, each kept only until then. */
export interface SessionDenylist {
  revoke(id: string, expiresAt: number): Promise<void>;
  isRevoked(id: string): Promise<boolean>;
}

/** Enough for every sign-out of a busy demo in one cookie lifetime; past it, the oldest go first. */
const MAX_MEMORY_ENTRIES = 50_000;

/** This process's list: right for one server; each entry is dropped when its cookie expires. */
export function memorySessionDenylist(now: () => number = Date.now): SessionDenylist {
  const revoked = new Map<string, number>();
  let lastSweep = now();
  function sweep(at: number) {
    if (at - lastSweep < 60_000) return;
    lastSweep = at;
    for (const [id, until] of revoked) if (until <= at) revoked.delete(id);
  }
  return {
    async revoke(id, expiresAt) {
      sweep(now());
      if (revoked.size >= MAX_MEMORY_ENTRIES) revoked.delete(revoked.keys().next().value!);
      revoked.set(id, expiresAt);
    },
    async isRevoked(id) {
      const until = revoked.get(id);
      return until !== undefined && until > now();
    },
  };
}

const PREFIX = "helpdesky:session:revoked:";

/**
 * The list shared through Redis, so that a sign-out on one instance holds on all: one key per
 * revoked session, expiring with its cookie. This instance also remembers its own sign-outs, so
 * they hold here while Redis does not answer; a lookup that fails counts as not revoked.
 */
export function redisSessionDenylist(
  redis: SharedRedis,
  local: SessionDenylist,
  health: RedisHealth,
): SessionDenylist {
  return {
    async revoke(id, expiresAt) {
      await local.revoke(id, expiresAt);
      try {
        const client = await redis.ready();
        await answerInTime(
          client.set(PREFIX + id, "1", { expiration: { type: "PXAT", value: expiresAt } }),
        );
      } catch (error) {
        health.failed(describeRedisError(error));
      }
    },
    async isRevoked(id) {
      if (await local.isRevoked(id)) return true;
      try {
        const client = await redis.ready();
        return (await answerInTime(client.exists(PREFIX + id))) === 1;
      } catch (error) {
        health.failed(describeRedisError(error));
        return false;
      }
    },
  };
}
