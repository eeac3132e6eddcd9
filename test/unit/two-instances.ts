import { afterAll, beforeAll } from "vitest";
import {
  connectRedis,
  type SharedRedis,
} from "../../packages/astro-helpdesky/src/store/redis-client.ts";
import { redisHealth } from "../../packages/astro-helpdesky/src/store/redis-health.ts";
import { startRedis, type RunningRedis } from "../e2e/support/redis-server.ts";

/**
 * Two instances of the site, each with its own connection to one real redis-server on a free
 * loopback port, started before the calling file's (or describe block's) tests and stopped after.
 */
export function twoInstancesOnOneRedis() {
  const instances = {
    health: redisHealth(() => {}),
    first: undefined as unknown as SharedRedis,
    second: undefined as unknown as SharedRedis,
  };
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedis();
    instances.first = connectRedis(redis.url, instances.health);
    instances.second = connectRedis(redis.url, instances.health);
  });
  afterAll(async () => {
    for (const shared of [instances.first, instances.second]) (await shared.ready()).destroy();
    await redis.dispose();
  });
  return instances;
}
