import {
  CONTACT_FROM,
  CONTACT_RATE_LIMIT,
  CONTACT_WEBHOOK_SECRET,
  CONTACT_WEBHOOK_URL,
  SMTP_URL,
  SUPPORT_EMAIL,
} from "astro:env/server";
import { helpdeskyMode } from "../runtime-config.ts";
import { standinDatabase } from "../standin/database.ts";
import { resolveContactConfig } from "./contact-config.ts";
import type { ContactDelivery } from "./delivery.ts";
import { memoryIdempotencyStore } from "./idempotency.ts";
import { localInboxDelivery } from "./local-inbox.ts";
import { memoryRateLimiter } from "./rate-limit.ts";
import { smtpDelivery } from "./smtp-delivery.ts";
import { submitContact, type ContactOutcome } from "./submission.ts";
import { webhookDelivery } from "./webhook-delivery.ts";

/** This process's Contact Form configuration, resolved once from `astro:env` at start-up. */
export const contactConfig = resolveContactConfig(
  { SUPPORT_EMAIL, SMTP_URL, CONTACT_FROM, CONTACT_WEBHOOK_URL, CONTACT_WEBHOOK_SECRET, CONTACT_RATE_LIMIT },
  helpdeskyMode.kind === "standin",
);
for (const error of contactConfig.errors) console.error(`[helpdesky] Configuration error: ${error}`);
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

// In memory: one server process. A serverless deployment needs a shared store (see the README).
const rateLimiter = memoryRateLimiter(contactConfig.ratePerMinute);
const idempotency = memoryIdempotencyStore();

/** Handles one Contact Form submission with this process's configuration. */
export function submitContactRequest(request: Request, clientAddress: string): Promise<ContactOutcome> {
  return submitContact(request, clientAddress, {
    config: contactConfig,
    delivery,
    missing: choice.kind === "unconfigured" ? choice.missing : [],
    rateLimiter,
    idempotency,
  });
}

/** The client's address, or one shared bucket when the adapter cannot tell. */
export function clientAddressOf(context: { clientAddress: string }): string {
  try {
    return context.clientAddress || "unknown";
  } catch {
    return "unknown";
  }
}
