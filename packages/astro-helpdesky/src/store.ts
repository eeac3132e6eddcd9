// The shared Redis connection the integration keeps its state in (`REDIS_URL`, else `KV_URL`), for
// a site's own state that must hold across instances. `sharedRedis` is `null` without a URL.
export { redisHealth, sharedRedis } from "./store/shared-redis.ts";
export { answerInTime, describeRedisError, type SharedRedis } from "./store/redis-client.ts";
export type { RedisHealth } from "./store/redis-health.ts";
