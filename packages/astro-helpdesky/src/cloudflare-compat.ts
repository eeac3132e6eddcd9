import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The wrangler config files `@astrojs/cloudflare` reads, in its order. */
const WRANGLER_FILES = ["wrangler.jsonc", "wrangler.json", "wrangler.toml"];

/** The flags that give a Worker node:crypto, node:net and the other built-ins the package uses. */
const NODE_COMPAT_FLAG = /["']nodejs_compat(?:_v2)?["']/;

export type CloudflareCompat =
  { kind: "ok" } | { kind: "missing"; file: string | null; message: string; hint: string };

/**
 * Whether a Cloudflare site's Worker will have Node's built-ins. The token route signs with Web
 * Crypto and needs none, but the Contact Form does (node:crypto for webhook signatures and
 * fingerprints, TCP sockets for SMTP and `REDIS_URL`), so without `nodejs_compat` the first
 * submission would fail: the build stops with the fix instead.
 */
export function cloudflareCompat(root: string): CloudflareCompat {
  const file = WRANGLER_FILES.find((name) => existsSync(join(root, name))) ?? null;
  if (file) {
    const text = readFileSync(join(root, file), "utf8");
    // Comments out (`//` in JSONC, `#` in TOML), so that a commented-out flag does not count.
    const code = text.replace(/^\s*(?:\/\/|#).*$/gm, "");
    const flags = /compatibility_flags["']?\s*[:=]\s*\[([^\]]*)\]/.exec(code)?.[1] ?? "";
    if (NODE_COMPAT_FLAG.test(flags)) return { kind: "ok" };
  }
  return {
    kind: "missing",
    file,
    message: `astro-helpdesky on @astrojs/cloudflare needs the Worker's nodejs_compat flag: its Contact Form uses node:crypto, and SMTP and REDIS_URL use TCP sockets.${file ? ` ${file} does not set it.` : " No wrangler.jsonc sets it."}`,
    hint: `Add \`"compatibility_flags": ["nodejs_compat"]\` to ${file ?? "a wrangler.jsonc at the project's root"}. Deliver the Contact Form by webhook (CONTACT_WEBHOOK_URL) where SMTP cannot connect, and keep shared state over HTTP (UPSTASH_REDIS_REST_URL) instead of REDIS_URL.`,
  };
}
