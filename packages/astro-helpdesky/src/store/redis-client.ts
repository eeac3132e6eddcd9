import type { createClient as CreateClient } from "@redis/client";
import type { RedisHealth } from "./redis-health.ts";

/** Beyond this a command counts as failed and the request falls back to this instance's memory. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
/** How long a new instance's first requests wait for the first connection. */
const FIRST_CONNECTION_WAIT_MS = 1000;

function createRedisClient(createClient: typeof CreateClient, url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000),
    },
  });
}

export type RedisClient = ReturnType<typeof createRedisClient>;

export interface SharedRedis {
  /**
   * The client, once the first connection is made, or after a second if it is not: with the
   * offline queue off, a command sent before then would fail at once (a new instance's first
   * request). Later it resolves at once, connected or not.
   */
  ready(): Promise<RedisClient>;
}

/**
 * A node-redis client that can never take the server down or hold a visitor up: it has an `error`
 * listener (without one, a lost connection is an uncaught exception), its offline queue is off (a
 * command while disconnected fails at once instead of waiting for the reconnection), and every
 * command is sent through `answerInTime`. It reconnects by itself, so sharing resumes without a restart. The client
 * library is loaded here, on first use, so a site without Redis never loads it (150 ms of a cold
 * start).
 */
export function connectRedis(url: string, health: RedisHealth): SharedRedis {
  let connecting = true;
  // Connected on the first `ready()`, not when the module loads: workerd refuses I/O in a
  // Worker's global scope, and a process that never uses Redis never loads its client.
  let loaded: ReturnType<typeof load> | undefined;
  const load = () =>
    import("@redis/client").then(({ createClient }) => {
      const client = createRedisClient(createClient, url);
      client.on("error", (error: unknown) => health.failed(describeRedisError(error)));
      client.on("ready", () => health.recovered());
      const firstConnection = client.connect().then(
        () => undefined,
        // Stryker disable next-line ArrowFunction: the client's error event reports the same failure, and an outage is logged once
        (error: unknown) => health.failed(describeRedisError(error)),
      );
      // Stryker disable next-line ArrowFunction,BooleanLiteral: only spares a timer per call; a race with a settled promise ends at once
      void firstConnection.finally(() => (connecting = false));
      return { client, firstConnection };
    });
  return {
    async ready() {
      const { client, firstConnection } = await (loaded ??= load());
      // Stryker disable next-line ConditionalExpression: only spares a timer per call; a race with a settled promise ends at once
      if (connecting) {
        await Promise.race([
          firstConnection,
          new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, FIRST_CONNECTION_WAIT_MS);
            // Node's timers keep a process alive; workerd's are plain numbers.
            if (typeof timer === "object") timer.unref();
          }),
        ]);
      }
      return client;
    },
  };
}

/**
 * The command's answer, or a failure after REDIS_COMMAND_TIMEOUT_MS. node-redis's own command
 * timeout ends once the command is written: a Redis that takes a command and never answers (paused,
 * overloaded, a connection half-open) would hold the request for as long as the connection stays up.
 */
export function answerInTime<T>(command: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error("no answer in time"), { name: "TimeoutError" })),
      REDIS_COMMAND_TIMEOUT_MS,
    );
  });
  return Promise.race([command, late]).finally(() => clearTimeout(timer));
}

/** A short cause for the log: an error code or class, never the URL (it holds the password). */
export function describeRedisError(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === "string") return code;
    if (typeof name === "string" && name !== "Error") return name;
  }
  return "connection error";
}
