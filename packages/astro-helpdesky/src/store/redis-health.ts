/**
 * Tracks whether Redis answers, so that an outage is logged once when it starts and once when it
 * ends, however many requests and reconnection attempts happen in between.
 */
export function redisHealth(log: (line: string) => void) {
  let down = false;
  return {
    get down() {
      return down;
    },
    /** A command failed or the connection dropped. `why` must hold no secret. */
    failed(why: string) {
      if (down) return;
      down = true;
      log(
        `Redis is unreachable (${why}): the Contact Form's rate limit, duplicate protection and sign-out ` +
          "now hold for this instance only, until Redis answers again.",
      );
    },
    /** A command succeeded or the connection is ready again. */
    recovered() {
      if (!down) return;
      down = false;
      log(
        "Redis is reachable again: the rate limit, duplicate protection and sign-out are shared again.",
      );
    },
  };
}

export type RedisHealth = ReturnType<typeof redisHealth>;
