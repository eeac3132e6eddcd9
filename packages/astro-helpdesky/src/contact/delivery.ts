import type { ContactMessage } from "./schema.ts";

/** One message to deliver, with the key that makes delivering it twice a no-op. */
export interface Delivery {
  idempotencyKey: string;
  receivedAt: Date;
  message: ContactMessage;
}

export type DeliveryResult =
  { ok: true } | { ok: false; reason: "timeout" | "network" | "rejected"; detail: string };

/** Where Contact Form messages go: email or a webhook in production, the stand-in's inbox locally. */
export interface ContactDelivery {
  readonly kind: "email" | "webhook" | "local-inbox";
  /** Delivers the message; must succeed at most once per idempotency key. */
  deliver(delivery: Delivery): Promise<DeliveryResult>;
}
