import { KV_URL, REDIS_URL } from "astro:env/server";
import { connectRedis, type SharedRedis } from "./redis-client.ts";
import { redisHealth as trackRedisHealth } from "./redis-health.ts";
import { chooseRedisUrl } from "./redis-url.ts";

const log = (line: string) => console.warn(`[helpdesky] ${line}`);

/** Whether this instance's Redis answers; logs each outage once. */
export const redisHealth = trackRedisHealth(log);

const choice = chooseRedisUrl({ REDIS_URL, KV_URL });
if (choice.kind === "invalid") {
  log(
    `${choice.from} is not a redis:// or rediss:// URL (with a database number, if any, as its path): Redis is off, state stays in this instance's memory.`,
  );
}

/**
 * The Redis every instance shares, chosen once at start-up, or null: then the Contact Form's rate
 * limit and idempotency records and the demo sign-out's denylist live in this process's memory,
 * right for one Node server and `astro dev`.
 */
export const sharedRedis: SharedRedis | null =
  choice.kind === "redis" ? connectRedis(choice.url, redisHealth) : null;

// Read at run time: Vercel sets VERCEL=1 in its functions' environment.
if (!sharedRedis && process.env.VERCEL) {
  log(
    "No REDIS_URL or KV_URL: on Vercel each function instance keeps its own Contact Form rate limit, " +
      "duplicate protection and sign-outs. Add a Redis integration to the project (see the README).",
  );
}
