/** The raw values, as `astro:env/server` or the CLI's environment gives them. */
export interface RedisEnv {
  REDIS_URL?: string | undefined;
  KV_URL?: string | undefined;
}

export type RedisUrlChoice =
  | { kind: "redis"; url: string; from: "REDIS_URL" | "KV_URL"; display: string }
  | { kind: "none" }
  | { kind: "invalid"; from: "REDIS_URL" | "KV_URL" };

/**
 * The Redis URL to use: `REDIS_URL` (set by Vercel's Redis integrations), else `KV_URL` (also set by
 * the Upstash Marketplace integration). `display` names the host only: the URL holds the password.
 */
export function chooseRedisUrl(env: RedisEnv): RedisUrlChoice {
  const from = env.REDIS_URL?.trim() ? "REDIS_URL" : env.KV_URL?.trim() ? "KV_URL" : null;
  if (!from) return { kind: "none" };
  const url = env[from]!.trim();
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:")
      return { kind: "invalid", from };
    // The path names a database by number; node-redis refuses anything else when it connects.
    if (!/^\/?\d*$/.test(parsed.pathname)) return { kind: "invalid", from };
    return { kind: "redis", url, from, display: `${parsed.protocol}//${parsed.host}` };
  } catch {
    return { kind: "invalid", from };
  }
}

export type RestRedisChoice =
  | { kind: "rest"; url: string; token: string }
  | { kind: "none" }
  | { kind: "invalid"; problem: string };

/** Redis over HTTP (Upstash's REST protocol): both variables, an https:// (or loopback http://) URL. */
export function chooseRestRedis(env: {
  UPSTASH_REDIS_REST_URL?: string | undefined;
  UPSTASH_REDIS_REST_TOKEN?: string | undefined;
}): RestRedisChoice {
  const url = env.UPSTASH_REDIS_REST_URL?.trim() ?? "";
  const token = env.UPSTASH_REDIS_REST_TOKEN?.trim() ?? "";
  if (!url && !token) return { kind: "none" };
  if (!url || !token)
    return {
      kind: "invalid",
      problem: `UPSTASH_REDIS_REST_${url ? "TOKEN" : "URL"} is not set, so UPSTASH_REDIS_REST_${url ? "URL" : "TOKEN"} alone is not used.`,
    };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: "invalid", problem: "UPSTASH_REDIS_REST_URL is not a URL." };
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
  // The token travels in every request: only over TLS, but to a store on this machine.
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && loopback))
    return { kind: "invalid", problem: "UPSTASH_REDIS_REST_URL must start with https://." };
  return { kind: "rest", url, token };
}
