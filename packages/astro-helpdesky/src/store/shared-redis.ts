import {
  KV_URL,
  REDIS_URL,
  UPSTASH_REDIS_REST_TOKEN,
  UPSTASH_REDIS_REST_URL,
} from "astro:env/server";
import { connectRedis, type SharedRedis } from "./redis-client.ts";
import { redisHealth as trackRedisHealth } from "./redis-health.ts";
import { connectRestRedis } from "./redis-rest-client.ts";
import { chooseRedisUrl, chooseRestRedis } from "./redis-url.ts";

const log = (line: string) => console.warn(`[helpdesky] ${line}`);

/** Whether this instance's Redis answers; logs each outage once. */
export const redisHealth = trackRedisHealth(log);

const choice = chooseRedisUrl({ REDIS_URL, KV_URL });
if (choice.kind === "invalid") {
  log(
    `${choice.from} is not a redis:// or rediss:// URL (with a database number, if any, as its path): Redis is off, state stays in this instance's memory.`,
  );
}

const rest = chooseRestRedis({ UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN });
if (rest.kind === "invalid") log(`${rest.problem} Redis over HTTP is off.`);

/**
 * The Redis every instance shares, chosen once at start-up, or null: then the Contact Form's rate
 * limit and idempotency records and the demo sign-out's denylist live in this process's memory,
 * right for one Node server and `astro dev`. Over TCP (`REDIS_URL`, `KV_URL`) when set, else over
 * HTTP (`UPSTASH_REDIS_REST_URL` and its token), which runtimes without sockets can reach.
 */
export const sharedRedis: SharedRedis | null =
  choice.kind === "redis"
    ? connectRedis(choice.url, redisHealth)
    : rest.kind === "rest"
      ? connectRestRedis(rest.url, rest.token, redisHealth)
      : null;

// Read at run time: Vercel sets VERCEL=1 in its functions' environment.
if (!sharedRedis && process.env.VERCEL) {
  log(
    "No REDIS_URL or KV_URL: on Vercel each function instance keeps its own Contact Form rate limit, " +
      "duplicate protection and sign-outs. Add a Redis integration to the project (see the README).",
  );
}
