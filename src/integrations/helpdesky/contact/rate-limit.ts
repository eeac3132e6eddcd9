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
  return decisions(new RateLimiterMemory({ keyPrefix: KEY_PREFIX, points: limit, duration: windowMs / 1000 }));
}

/**
 * The same limit, counted in Redis and so shared by every instance. While Redis does not answer
 * (down, or slower than its command timeout) each instance counts in its own memory instead.
 */
export function redisRateLimiter(redis: SharedRedis, limit: number, windowMs = 60_000): RateLimiter {
  const options = { keyPrefix: KEY_PREFIX, points: limit, duration: windowMs / 1000 };
  const insuranceLimiter = new RateLimiterMemory(options);
  const shared = new RateLimiterRedis({
    ...options,
    storeClient: redis.client,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    insuranceLimiter,
  });
  const limiter = new RLWrapperTimeouts({ limiter: shared, insuranceLimiter, timeoutMs: REDIS_COMMAND_TIMEOUT_MS + 100 });
  return decisions(limiter, redis.ready);
}

function decisions(limiter: RateLimiterAbstract, ready = () => Promise.resolve()): RateLimiter {
  return {
    async take(key) {
      try {
        await ready();
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        // A store failure the insurance did not cover: the visitor is never refused for it.
        return { allowed: true };
      }
    },
  };
}
