import {
  CONTACT_FROM,
  CONTACT_RATE_LIMIT,
  CONTACT_WEBHOOK_SECRET,
  CONTACT_WEBHOOK_URL,
  SMTP_URL,
  SUPPORT_EMAIL,
  TRUSTED_PROXY_HEADER,
  TRUSTED_PROXY_HOPS,
} from "astro:env/server";
import { helpdeskyMode } from "../runtime-config.ts";
import { redisHealth, sharedRedis } from "../store/shared-redis.ts";
import { clientAddress, rateLimitKey, resolveProxyTrust } from "./client-address.ts";
import { resolveContactConfig, type ContactConfig } from "./contact-config.ts";
import type { ContactDelivery } from "./delivery.ts";
import type { IdempotencyStore } from "./idempotency.ts";
import type { RateLimiter } from "./rate-limit.ts";
import type { ContactOutcome, submitContact } from "./submission.ts";
import { contactTexts } from "./site-texts.ts";

/** This process's Contact Form configuration, resolved once from `astro:env` at start-up. */
export const contactConfig = resolveContactConfig(
  {
    SUPPORT_EMAIL,
    SMTP_URL,
    CONTACT_FROM,
    CONTACT_WEBHOOK_URL,
    CONTACT_WEBHOOK_SECRET,
    CONTACT_RATE_LIMIT,
  },
  helpdeskyMode.kind === "standin",
);
for (const error of contactConfig.errors)
  console.error(`[helpdesky] Configuration error: ${error}`);
for (const note of contactConfig.notes) console.warn(`[helpdesky] ${note}`);

const choice = contactConfig.delivery;

/** The chosen delivery; its module (and nodemailer, for email) is loaded on first use only. */
async function loadDelivery(delivery: ContactConfig["delivery"]): Promise<ContactDelivery | null> {
  switch (delivery.kind) {
    case "email": {
      const { smtpDelivery } = await import("./smtp-delivery.ts");
      return smtpDelivery({ url: delivery.url, from: delivery.from, to: delivery.to });
    }
    case "webhook": {
      const { webhookDelivery } = await import("./webhook-delivery.ts");
      return webhookDelivery({ url: delivery.url, key: delivery.key });
    }
    case "local-inbox": {
      const [{ localInboxDelivery }, { standinDatabase }] = await Promise.all([
        import("./local-inbox.ts"),
        import("../standin/database.ts"),
      ]);
      return localInboxDelivery(standinDatabase);
    }
    default:
      return null;
  }
}

/**
 * The rate limiter and idempotency records: shared through Redis when one is configured, so that
 * the promises hold across instances; otherwise in this process's memory, right for one server.
 */
async function loadSharedState(): Promise<{
  rateLimiter: RateLimiter;
  idempotency: IdempotencyStore;
}> {
  const [{ memoryRateLimiter, redisRateLimiter }, { memoryIdempotencyStore }] = await Promise.all([
    import("./rate-limit.ts"),
    import("./idempotency.ts"),
  ]);
  if (!sharedRedis) {
    return {
      rateLimiter: memoryRateLimiter(contactConfig.ratePerMinute),
      idempotency: memoryIdempotencyStore(),
    };
  }
  const { redisIdempotencyStore } = await import("./redis-idempotency.ts");
  return {
    rateLimiter: redisRateLimiter(sharedRedis, contactConfig.ratePerMinute),
    idempotency: redisIdempotencyStore(sharedRedis, {
      fallback: memoryIdempotencyStore(),
      health: redisHealth,
    }),
  };
}

interface ContactRuntime {
  submit: typeof submitContact;
  delivery: ContactDelivery | null;
  rateLimiter: RateLimiter;
  idempotency: IdempotencyStore;
}

/**
 * Built on the first submission, not at module load: a page that imports this module only for
 * the mode (the site's sign-in page, through `astro-helpdesky/server`) loads none of valibot,
 * rate-limiter-flexible, nodemailer or node:sqlite, and a Worker's global scope makes nothing.
 */
let runtime: Promise<ContactRuntime> | undefined;

function contactRuntime(): Promise<ContactRuntime> {
  runtime ??= Promise.all([
    loadDelivery(choice),
    loadSharedState(),
    import("./submission.ts"),
  ]).then(
    ([delivery, state, submission]) => ({ delivery, ...state, submit: submission.submitContact }),
    (error: unknown) => {
      // A module that failed to load may load on the next request: never keep the failure.
      runtime = undefined;
      throw error;
    },
  );
  return runtime;
}

const proxy = resolveProxyTrust({ TRUSTED_PROXY_HOPS, TRUSTED_PROXY_HEADER });
for (const note of proxy.notes) console.warn(`[helpdesky] ${note}`);
const onVercel = Boolean(process.env.VERCEL);

/** Handles one Contact Form submission with this process's configuration. */
export async function submitContactRequest(
  request: Request,
  clientAddress: string,
): Promise<ContactOutcome> {
  const { submit, delivery, rateLimiter, idempotency } = await contactRuntime();
  return submit(request, clientAddress, {
    config: contactConfig,
    delivery,
    missing: choice.kind === "unconfigured" ? choice.missing : [],
    rateLimiter,
    idempotency,
    texts: contactTexts,
  });
}

/**
 * The rate limit's key for a request: the visitor's address as the platform sees it (see
 * client-address.ts), IPv6 grouped by /64, or one shared bucket when the adapter cannot tell.
 */
export function clientAddressOf(context: { clientAddress: string; request: Request }): string {
  let platformAddress: string;
  try {
    // The Node adapter gives the socket's address (it reads X-Forwarded-For only for a host listed
    // in security.allowedDomains, which this site does not set); Vercel's, the edge's.
    platformAddress = context.clientAddress || "unknown";
  } catch {
    platformAddress = "unknown";
  }
  return rateLimitKey(
    clientAddress({
      platformAddress,
      headers: context.request.headers,
      onVercel,
      trust: proxy.trust,
    }),
  );
}
