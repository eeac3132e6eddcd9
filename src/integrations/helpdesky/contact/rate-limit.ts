export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one attempt for the key and says whether it is within the limit. */
  take(key: string): RateDecision;
}

/**
 * A sliding-window limit held in this process's memory: enough for one server, not shared
 * between serverless instances (see the README for Vercel).
 */
export function memoryRateLimiter(limit: number, windowMs = 60_000, now: () => number = Date.now): RateLimiter {
  const hits = new Map<string, number[]>();
  let lastSweep = now();

  function sweep(at: number) {
    // Forget idle clients now and then, so that memory stays bounded by recent traffic.
    if (at - lastSweep < windowMs) return;
    lastSweep = at;
    for (const [key, times] of hits) if ((times.at(-1) ?? 0) <= at - windowMs) hits.delete(key);
  }

  return {
    take(key) {
      const at = now();
      sweep(at);
      const recent = (hits.get(key) ?? []).filter((time) => time > at - windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        const retryAfterMs = recent[0]! + windowMs - at;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
      }
      recent.push(at);
      hits.set(key, recent);
      return { allowed: true };
    },
  };
}
