import type { RateLimiterAbstract } from "rate-limiter-flexible";
import RateLimiterMemory from "rate-limiter-flexible/lib/RateLimiterMemory.js";
import RateLimiterRedis from "rate-limiter-flexible/lib/RateLimiterRedis.js";
import RateLimiterRes from "rate-limiter-flexible/lib/RateLimiterRes.js";
import RLWrapperTimeouts from "rate-limiter-flexible/lib/RLWrapperTimeouts.js";
import { REDIS_COMMAND_TIMEOUT_MS, type SharedRedis } from "../store/redis-client.ts";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one attempt for the key and says whether it is within the limit. */
  take(key: string): Promise<RateDecision>;
}

const KEY_PREFIX = "helpdesky:contact:rate";

/** `limit` attempts per key per window, in this process's memory: right for one server. */
export function memoryRateLimiter(limit: number, windowMs = 60_000): RateLimiter {
  const limiter = new RateLimiterMemory({
    keyPrefix: KEY_PREFIX,
    points: limit,
    duration: windowMs / 1000,
  });
  return decisions((key) => limiter.consume(key));
}

/**
 * The same limit, counted in Redis and so shared by every instance. While Redis does not answer
 * (down, or slower than its command timeout) each instance counts in its own memory instead.
 */
export function redisRateLimiter(
  redis: SharedRedis,
  limit: number,
  windowMs = 60_000,
): RateLimiter {
  const options = { keyPrefix: KEY_PREFIX, points: limit, duration: windowMs / 1000 };
  const insuranceLimiter = new RateLimiterMemory(options);
  // Made with the client, which is loaded on first use.
  let limiter: RateLimiterAbstract | undefined;
  return decisions(async (key) => {
    let storeClient: Awaited<ReturnType<SharedRedis["ready"]>>;
    try {
      storeClient = await redis.ready();
    } catch {
      // No client at all (a URL node-redis refuses): still a limit, per instance.
      return insuranceLimiter.consume(key);
    }
    limiter ??= new RLWrapperTimeouts({
      limiter: new RateLimiterRedis({
        ...options,
        storeClient,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        insuranceLimiter,
      }),
      insuranceLimiter,
      timeoutMs: REDIS_COMMAND_TIMEOUT_MS + 100,
    });
    return limiter.consume(key);
  });
}

function decisions(consume: (key: string) => Promise<unknown>): RateLimiter {
  return {
    async take(key) {
      try {
        await consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return {
            allowed: false,
            retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
          };
        }
        // A store failure the insurance did not cover: the visitor is never refused for it.
        return { allowed: true };
      }
    },
  };
}
