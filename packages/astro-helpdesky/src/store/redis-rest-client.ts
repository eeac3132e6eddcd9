import { REDIS_COMMAND_TIMEOUT_MS, type RedisClient, type SharedRedis } from "./redis-client.ts";
import type { RedisHealth } from "./redis-health.ts";

type SetOptions = {
  condition?: "NX" | "XX";
  expiration?: { type: "PX" | "PXAT" | "EX" | "EXAT"; value: number };
};

/**
 * The commands the integration and a site's own state send (GET, SET with NX and an expiry,
 * EXISTS, EVAL for the rate limiter's and the idempotency records' scripts), with node-redis's
 * signatures, sent one HTTP request each in Upstash's REST protocol: `POST <url>` with the command
 * as a JSON array and `Authorization: Bearer <token>`, answered `{ "result": … }` or `{ "error": … }`.
 * For runtimes without TCP sockets, where `@redis/client` cannot connect.
 */
export interface RestRedisCommands {
  /** Always true: there is no connection to lose, each command is its own request. */
  readonly isReady: true;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options?: SetOptions): Promise<string | null>;
  exists(key: string): Promise<number>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** A failed REST command: its `code` is what the log names (never the URL or the token). */
class RedisRestError extends Error {
  override name = "RedisRestError";
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

export function restRedisCommands(url: string, token: string): RestRedisCommands {
  async function send(command: (string | number)[]): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify(command.map(String)),
        signal: AbortSignal.timeout(REDIS_COMMAND_TIMEOUT_MS),
      });
    } catch (error) {
      throw new RedisRestError((error as Error).name === "TimeoutError" ? "ETIMEDOUT" : "EFETCH");
    }
    const body = (await response.json().catch(() => null)) as {
      result?: unknown;
      error?: unknown;
    } | null;
    if (!response.ok || !body || body.error !== undefined)
      throw new RedisRestError(`HTTP ${response.status}`);
    return body.result ?? null;
  }
  return {
    isReady: true,
    get: (key) => send(["GET", key]) as Promise<string | null>,
    set(key, value, options = {}) {
      const command: (string | number)[] = ["SET", key, value];
      if (options.condition) command.push(options.condition);
      if (options.expiration) command.push(options.expiration.type, options.expiration.value);
      return send(command) as Promise<string | null>;
    },
    exists: (key) => send(["EXISTS", key]) as Promise<number>,
    eval: (script, { keys, arguments: args }) =>
      send(["EVAL", script, keys.length, ...keys, ...args]),
  };
}

/**
 * The shared store over HTTP. `ready()` gives the REST commands typed as node-redis's client: the
 * callers (the rate limiter, the idempotency records, a site's denylist) send only the commands
 * `RestRedisCommands` has, with the same arguments and answers.
 */
export function connectRestRedis(url: string, token: string, health: RedisHealth): SharedRedis {
  const commands = restRedisCommands(url, token);
  const watched = {
    ...commands,
    get: (key: string) => watch(commands.get(key)),
    set: (key: string, value: string, options?: SetOptions) =>
      watch(commands.set(key, value, options)),
    exists: (key: string) => watch(commands.exists(key)),
    eval: (script: string, options: { keys: string[]; arguments: string[] }) =>
      watch(commands.eval(script, options)),
  };
  // Each answer tells whether the store is reachable, as the TCP client's events do.
  function watch<T>(command: Promise<T>): Promise<T> {
    return command.then(
      (result) => {
        health.recovered();
        return result;
      },
      (error: unknown) => {
        health.failed(error instanceof RedisRestError ? error.code : "connection error");
        throw error;
      },
    );
  }
  const client = watched as unknown as RedisClient;
  return { ready: () => Promise.resolve(client) };
}
