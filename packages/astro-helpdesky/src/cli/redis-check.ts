import { createClient } from "@redis/client";
import { describeRedisError } from "../store/redis-client.ts";
import { restRedisCommands } from "../store/redis-rest-client.ts";
import { chooseRedisUrl, chooseRestRedis } from "../store/redis-url.ts";
import type { Check } from "./doctor-checks.ts";
import type { SiteEnv } from "./site-env.ts";

const TIMEOUT_MS = 3000;

/** Whether the configured Redis answers a PING, within a few seconds; the URL is never printed whole. */
export async function redisCheck(env: SiteEnv): Promise<Check> {
  const choice = chooseRedisUrl({ REDIS_URL: env.value("REDIS_URL"), KV_URL: env.value("KV_URL") });
  if (choice.kind === "none") {
    const rest = chooseRestRedis({
      UPSTASH_REDIS_REST_URL: env.value("UPSTASH_REDIS_REST_URL"),
      UPSTASH_REDIS_REST_TOKEN: env.value("UPSTASH_REDIS_REST_TOKEN"),
    });
    if (rest.kind !== "none") return restCheck(rest);
    return {
      ok: true,
      text: "No REDIS_URL or KV_URL: the Contact Form's rate limit, duplicate protection and sign-outs live in each server process's memory (right for one Node server, per instance on Vercel).",
    };
  }
  const from = `${choice.from} (from ${env.sourceOf(choice.from)})`;
  if (choice.kind === "invalid") {
    return {
      ok: false,
      text: `${from} is not a redis:// or rediss:// URL (with a database number, if any, as its path).`,
      fix: "Copy the URL your Redis provider gives, starting with redis:// or rediss://.",
    };
  }
  let client: ReturnType<typeof createClient> | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    client = createClient({
      url: choice.url,
      socket: { connectTimeout: TIMEOUT_MS, reconnectStrategy: false },
    });
    // Failures are reported below; without a listener they would end the process.
    client.on("error", () => {});
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            Object.assign(new Error("timeout"), { code: `no answer in ${TIMEOUT_MS / 1000} s` }),
          ),
        TIMEOUT_MS,
      );
    });
    const connecting = client;
    await Promise.race([connecting.connect().then(() => connecting.ping()), timeout]);
    return { ok: true, text: `${from} answers: ${choice.display}.` };
  } catch (error) {
    return {
      ok: false,
      text: `${from} does not answer at ${choice.display} (${describeRedisError(error)}).`,
      fix: "Check the host, port and password, and that this machine may reach it (rediss:// for a TLS-only provider such as Upstash). The site still works without it, per instance.",
    };
  } finally {
    clearTimeout(timer);
    if (client?.isOpen) client.destroy();
  }
}

/** The store over HTTP (Upstash's REST protocol): one PING, its URL shown by host only. */
async function restCheck(
  rest: Exclude<ReturnType<typeof chooseRestRedis>, { kind: "none" }>,
): Promise<Check> {
  if (rest.kind === "invalid")
    return {
      ok: false,
      text: rest.problem,
      fix: "Copy both from your Upstash database's REST API section (the URL starts with https://).",
    };
  const host = new URL(rest.url).host;
  try {
    await restRedisCommands(rest.url, rest.token).eval("return redis.call('PING')", {
      keys: [],
      arguments: [],
    });
    return { ok: true, text: `UPSTASH_REDIS_REST_URL answers over HTTP: ${host}.` };
  } catch (error) {
    return {
      ok: false,
      text: `UPSTASH_REDIS_REST_URL does not answer at ${host} (${describeRedisError(error)}).`,
      fix: "Check the URL and the token, and that this machine may reach it. The site still works without it, per instance.",
    };
  }
}
