import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import {
  startNetlifyFunction,
  startWebhookReceiver,
  startWorkerd,
  type AdapterServer,
  type WebhookReceiver,
} from "./adapter-servers.ts";
import { startRedis, type RunningRedis } from "../../../test/e2e/support/redis-server.ts";
import { startRestShim, type RestShim } from "./redis-rest-shim.ts";
import { buildScenario, type Scenario } from "./scenario.ts";
import { SIGNING_VECTORS, VECTOR_SECRET } from "./signing-vectors.ts";

// Each adapter's fixture site, built with Astro's `build()` and its real output run on 127.0.0.1
// as its platform runs it: the Cloudflare Worker in workerd, the Netlify function's handler in
// Node. Two servers per adapter: live mode (the contract's vectors, a webhook Contact Form) and
// stand-in mode. The live servers keep the Contact Form's shared state in a real redis-server,
// reached over HTTP (Upstash's REST protocol, through a loopback shim), as a Worker without TCP
// sockets would.

const REST_TOKEN = "adapter-tests-rest-token";
let redis: RunningRedis;
let restShim: RestShim;

beforeAll(async () => {
  redis = await startRedis();
  restShim = await startRestShim(redis.url, REST_TOKEN);
});

afterAll(async () => {
  await restShim?.stop();
  await redis?.dispose();
});

const WEBHOOK_SECRET = `whsec_${Buffer.from("adapter-tests-webhook-key-32bytes").toString("base64")}`;

type Start = (root: string, env: Record<string, string>) => Promise<AdapterServer>;

const adapters: [name: string, fixture: string, start: Start][] = [
  ["@astrojs/cloudflare (workerd)", "cloudflare", startWorkerd],
  ["@astrojs/netlify (the function in Node)", "netlify", startNetlifyFunction],
];

/** A cookie header for the fixtures' sign-in: the email, as the middleware reads it. */
const signedIn = (email: string) => ({ cookie: `fixture_user=${encodeURIComponent(email)}` });

describe.each(adapters)("%s", (_name, fixture, start) => {
  const root = fileURLToPath(new URL(`./fixtures/${fixture}/`, import.meta.url));
  let hook: WebhookReceiver;
  let live: AdapterServer;
  let standin: AdapterServer;
  let site: Scenario | undefined;

  beforeAll(async () => {
    hook = await startWebhookReceiver();
    site = await buildScenario(fixture);
    const started = await Promise.allSettled([
      start(root, {
        HELPDESKY_HMAC_SECRET: VECTOR_SECRET,
        HELPDESKY_HELPDESK_ID: "hd_adapters",
        CONTACT_WEBHOOK_URL: hook.url,
        CONTACT_WEBHOOK_SECRET: WEBHOOK_SECRET,
        SUPPORT_EMAIL: "support@acme.example",
        UPSTASH_REDIS_REST_URL: restShim.url,
        UPSTASH_REDIS_REST_TOKEN: REST_TOKEN,
      }),
      start(root, { HELPDESKY_STANDIN: "1" }),
    ]);
    // One that started while the other failed is stopped here, not left running.
    const failed = started.find((result) => result.status === "rejected");
    if (failed) {
      for (const result of started) if (result.status === "fulfilled") await result.value.stop();
      throw failed.reason;
    }
    [live, standin] = started.map(
      (result) => (result as PromiseFulfilledResult<AdapterServer>).value,
    ) as [AdapterServer, AdapterServer];
  }, 240_000);

  afterAll(async () => {
    await Promise.all([live?.stop(), standin?.stop(), hook?.stop()]);
    site?.clean();
  });

  const post = (server: AdapterServer, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/api/contact`, {
      method: "POST",
      headers: { origin: server.origin, "content-type": "application/json", ...headers },
      body,
    });

  test.each(SIGNING_VECTORS)(
    "a signed-in %s gets the contract's signature",
    async (email, signature) => {
      const response = await fetch(`${live.origin}/api/helpdesky-token`, {
        headers: signedIn(email),
      });
      expect(response.status, live.log()).toBe(200);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(await response.json()).toEqual({
        helpdeskId: "hd_adapters",
        email,
        signature,
        scriptUrl: "https://helpdesky.io/ticket-center.js",
      });
    },
  );

  test("an anonymous visitor gets 401", async () => {
    const response = await fetch(`${live.origin}/api/helpdesky-token`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthenticated" });
  });

  test("stand-in mode signs, serves its script, and its API accepts its own signature", async () => {
    const response = await fetch(`${standin.origin}/api/helpdesky-token`, {
      headers: signedIn("ada@example.com"),
    });
    expect(response.status, standin.log()).toBe(200);
    const token = (await response.json()) as Record<string, string>;
    expect(token).toMatchObject({
      helpdeskId: "local-standin",
      email: "ada@example.com",
      scriptUrl: "/helpdesky-standin/ticket-center.js",
    });
    const script = await fetch(`${standin.origin}${token.scriptUrl}`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain("hdh-ticket-center");
    // The same per-process secret signs the token and verifies the script's calls.
    const session = await fetch(`${standin.origin}/helpdesky-standin/api/session`, {
      method: "POST",
      headers: {
        origin: standin.origin,
        "x-helpdesky-helpdesk-id": token.helpdeskId!,
        "x-helpdesky-email": encodeURIComponent(token.email!),
        "x-helpdesky-signature": token.signature!,
      },
    });
    expect(session.status).toBe(200);
    expect(await session.json()).toEqual({ email: "ada@example.com" });
  });

  test("stand-in mode keeps a conversation and the Contact Form's inbox (SQLite, or memory in workerd)", async () => {
    const token = (await (
      await fetch(`${standin.origin}/api/helpdesky-token`, { headers: signedIn("ada@example.com") })
    ).json()) as Record<string, string>;
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${standin.origin}/helpdesky-standin/api/${path}`, {
        ...init,
        headers: {
          origin: standin.origin,
          "content-type": "application/json",
          "x-helpdesky-helpdesk-id": token.helpdeskId!,
          "x-helpdesky-email": encodeURIComponent(token.email!),
          "x-helpdesky-signature": token.signature!,
        },
      });
    const subject = `Invoice question ${fixture}`;
    const started = await api("conversations", {
      method: "POST",
      body: JSON.stringify({ subject, body: "Two charges in November." }),
    });
    expect(started.status, standin.log()).toBe(201);
    const listed = (await (await api("conversations")).json()) as {
      conversations: { subject: string }[];
    };
    expect(listed.conversations.map((conversation) => conversation.subject)).toContain(subject);

    const sent = await post(
      standin,
      JSON.stringify({
        name: "Ada",
        email: "ada@example.com",
        subject: `Inbox check ${fixture}`,
        message: "The stand-in's inbox should hold this.",
      }),
    );
    expect(sent.status, standin.log()).toBe(200);
    const inbox = await fetch(`${standin.origin}/helpdesky-standin/inbox`);
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toContain(`Inbox check ${fixture}`);
  });

  test("the Contact Form delivers by webhook once per idempotency key", async () => {
    const message = {
      name: "Ada",
      email: "ada@example.com",
      subject: `Adapter check ${fixture}`,
      message: "The invoice for November shows two charges.",
    };
    const key = { "idempotency-key": `adapters-${fixture}-0123456789` };
    const first = await post(live, JSON.stringify(message), key);
    expect(first.status, live.log()).toBe(200);
    const again = await post(live, JSON.stringify(message), key);
    expect(again.status).toBe(200);
    const mine = hook.received.filter((entry) => entry.body.includes(message.subject));
    expect(mine).toHaveLength(1);
    const payload = new Webhook(WEBHOOK_SECRET).verify(mine[0]!.body, mine[0]!.headers);
    expect(JSON.stringify(payload)).toContain("two charges");
    // The key was claimed in the shared store, over HTTP.
    const claims = restShim.commands.filter(
      ([name, redisKey]) => name === "SET" && redisKey?.endsWith(key["idempotency-key"]),
    );
    expect(claims.length).toBeGreaterThanOrEqual(1);
  });

  test("hostile bodies get 413 and 400, and the server keeps answering", async () => {
    const huge = JSON.stringify({ message: "x".repeat(200 * 1024) });
    expect((await post(live, huge)).status).toBe(413);
    expect((await post(live, "{not json")).status).toBe(400);
    expect((await post(live, "[]")).status).toBe(400);
    const after = await fetch(`${live.origin}/api/helpdesky-token`);
    expect(after.status).toBe(401);
  });
});

test("@astrojs/cloudflare without nodejs_compat: the build stops with an AstroError naming the flag", async () => {
  onTestFinished(() => {
    for (const dir of [".astro", "dist", "node_modules"])
      rmSync(fileURLToPath(new URL(`./fixtures/cloudflare-no-compat/${dir}`, import.meta.url)), {
        recursive: true,
        force: true,
      });
  });
  await expect(buildScenario("cloudflare-no-compat")).rejects.toMatchObject({
    message: expect.stringContaining("nodejs_compat"),
    hint: expect.stringContaining("CONTACT_WEBHOOK_URL"),
  });
}, 60_000);

test("@astrojs/netlify: the leak guard finds the secret baked into the function's code in .netlify/", async () => {
  onTestFinished(() => {
    for (const dir of [".astro", "dist", ".netlify", "node_modules"])
      rmSync(fileURLToPath(new URL(`./fixtures/netlify-leak/${dir}`, import.meta.url)), {
        recursive: true,
        force: true,
      });
  });
  const env = {
    HELPDESKY_HMAC_SECRET: "hdh_secret_leak_canary_0123456789",
    HELPDESKY_HELPDESK_ID: "hd",
  };
  await expect(buildScenario("netlify-leak", { env })).rejects.toThrow(/leak guard/i);
}, 120_000);
