import { envField } from "astro/config";

/**
 * The `astro:env` fields this integration reads. All are read at run time (`access: "secret"`),
 * so one build can serve stand-in mode or real credentials and no value is baked into a bundle.
 */
export const helpdeskyEnvFields = {
  HELPDESKY_HMAC_SECRET: envField.string({ context: "server", access: "secret", optional: true }),
  HELPDESKY_HELPDESK_ID: envField.string({ context: "server", access: "secret", optional: true }),
  HELPDESKY_SCRIPT_URL: envField.string({ context: "server", access: "secret", optional: true }),
  // "1" or "true" turns stand-in mode on; a string so that `HELPDESKY_STANDIN=1` works as documented.
  HELPDESKY_STANDIN: envField.string({ context: "server", access: "secret", optional: true }),
  // "1" lets stand-in mode serve on an address other machines can reach (read by scripts/serve.mjs
  // and by `astro dev`, before the site runs; declared here so that it is listed with the others).
  HELPDESKY_STANDIN_ALLOW_REMOTE: envField.string({
    context: "server",
    access: "secret",
    optional: true,
  }),
  HELPDESKY_DATA_DIR: envField.string({ context: "server", access: "secret", optional: true }),
  // The Contact Form: where it delivers (email, or a signed webhook), and the support address.
  SUPPORT_EMAIL: envField.string({ context: "server", access: "secret", optional: true }),
  SMTP_URL: envField.string({ context: "server", access: "secret", optional: true }),
  CONTACT_FROM: envField.string({ context: "server", access: "secret", optional: true }),
  CONTACT_WEBHOOK_URL: envField.string({ context: "server", access: "secret", optional: true }),
  CONTACT_WEBHOOK_SECRET: envField.string({ context: "server", access: "secret", optional: true }),
  // Submissions per IP per minute; a string so that a bad value is reported, not a failed start.
  CONTACT_RATE_LIMIT: envField.string({ context: "server", access: "secret", optional: true }),
  // The store shared by every instance (rate limit, idempotency, sign-outs): Vercel's Redis
  // integrations set REDIS_URL, the Upstash one KV_URL too. Unset: this process's memory.
  REDIS_URL: envField.string({ context: "server", access: "secret", optional: true }),
  KV_URL: envField.string({ context: "server", access: "secret", optional: true }),
  // The same store over HTTP (Upstash's REST protocol), for runtimes without TCP sockets
  // (Cloudflare Workers): used only when neither REDIS_URL nor KV_URL is set.
  UPSTASH_REDIS_REST_URL: envField.string({ context: "server", access: "secret", optional: true }),
  UPSTASH_REDIS_REST_TOKEN: envField.string({
    context: "server",
    access: "secret",
    optional: true,
  }),
  // How many reverse proxies of the site's own stand in front of the Node server, and which header
  // they write; unset, the socket's address is the visitor's. Strings so a bad value is reported.
  TRUSTED_PROXY_HOPS: envField.string({ context: "server", access: "secret", optional: true }),
  TRUSTED_PROXY_HEADER: envField.string({ context: "server", access: "secret", optional: true }),
};
