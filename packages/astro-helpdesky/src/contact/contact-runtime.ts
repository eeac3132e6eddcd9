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
import { standinDatabase } from "../standin/database.ts";
import { redisHealth, sharedRedis } from "../store/shared-redis.ts";
import { clientAddress, rateLimitKey, resolveProxyTrust } from "./client-address.ts";
import { resolveContactConfig } from "./contact-config.ts";
import type { ContactDelivery } from "./delivery.ts";
import { memoryIdempotencyStore } from "./idempotency.ts";
import { localInboxDelivery } from "./local-inbox.ts";
import { memoryRateLimiter, redisRateLimiter } from "./rate-limit.ts";
import { redisIdempotencyStore } from "./redis-idempotency.ts";
import { smtpDelivery } from "./smtp-delivery.ts";
import { submitContact, type ContactOutcome } from "./submission.ts";
import { webhookDelivery } from "./webhook-delivery.ts";
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
const delivery: ContactDelivery | null =
  choice.kind === "email"
    ? smtpDelivery({ url: choice.url, from: choice.from, to: choice.to })
    : choice.kind === "webhook"
      ? webhookDelivery({ url: choice.url, key: choice.key })
      : choice.kind === "local-inbox"
        ? localInboxDelivery(standinDatabase)
        : null;

// Shared through Redis when one is configured, so that the promises hold across instances;
// otherwise in this process's memory, right for one server.
const rateLimiter = sharedRedis
  ? redisRateLimiter(sharedRedis, contactConfig.ratePerMinute)
  : memoryRateLimiter(contactConfig.ratePerMinute);
const idempotency = sharedRedis
  ? redisIdempotencyStore(sharedRedis, { fallback: memoryIdempotencyStore(), health: redisHealth })
  : memoryIdempotencyStore();

const proxy = resolveProxyTrust({ TRUSTED_PROXY_HOPS, TRUSTED_PROXY_HEADER });
for (const note of proxy.notes) console.warn(`[helpdesky] ${note}`);
const onVercel = Boolean(process.env.VERCEL);

/** Handles one Contact Form submission with this process's configuration. */
export function submitContactRequest(
  request: Request,
  clientAddress: string,
): Promise<ContactOutcome> {
  return submitContact(request, clientAddress, {
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
