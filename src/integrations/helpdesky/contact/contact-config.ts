/** The raw values, as `astro:env/server` gives them. */
export interface ContactEnv {
  SUPPORT_EMAIL?: string | undefined;
  CONTACT_WEBHOOK_URL?: string | undefined;
  CONTACT_WEBHOOK_SECRET?: string | undefined;
  CONTACT_RATE_LIMIT?: string | undefined;
}

export const DEFAULT_RATE_LIMIT = 10;

export type DeliveryChoice =
  | { kind: "webhook"; url: string; secret: string }
  | { kind: "local-inbox" }
  /** `missing` names the variables to set; the form then offers only the mailto fallback. */
  | { kind: "unconfigured"; missing: string[] };

export interface ContactConfig {
  delivery: DeliveryChoice;
  /** The address Helpdesky's email forwarding routes into the inbox; empty when unset. */
  supportEmail: string;
  ratePerMinute: number;
  /** Warnings for the server log; they name variables, never their values. */
  notes: string[];
}

const SIMPLE_EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Decides delivery from the environment: pure, so each rule is testable. */
export function resolveContactConfig(env: ContactEnv, standin: boolean): ContactConfig {
  const notes: string[] = [];
  const url = (env.CONTACT_WEBHOOK_URL ?? "").trim();
  const secret = (env.CONTACT_WEBHOOK_SECRET ?? "").trim();

  let delivery: DeliveryChoice;
  if (url && !/^https?:\/\//i.test(url)) {
    notes.push("CONTACT_WEBHOOK_URL must start with https:// (or http:// on a private network); the webhook is off.");
    delivery = { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_URL"] };
  } else if (url && secret) {
    delivery = { kind: "webhook", url, secret };
  } else if (url || secret) {
    // An unsigned webhook could not be trusted by its receiver, so half a configuration is none.
    delivery = { kind: "unconfigured", missing: [url ? "CONTACT_WEBHOOK_SECRET" : "CONTACT_WEBHOOK_URL"] };
  } else if (standin) {
    delivery = { kind: "local-inbox" };
  } else {
    delivery = { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_URL", "CONTACT_WEBHOOK_SECRET"] };
  }
  if (delivery.kind === "unconfigured") {
    notes.push(`The Contact Form cannot deliver messages: set ${delivery.missing.join(" and ")}.`);
  }

  let supportEmail = (env.SUPPORT_EMAIL ?? "").trim();
  if (supportEmail && !SIMPLE_EMAIL.test(supportEmail)) {
    notes.push("SUPPORT_EMAIL is not an email address; the mailto fallback is off.");
    supportEmail = "";
  } else if (!supportEmail && delivery.kind !== "local-inbox") {
    notes.push("SUPPORT_EMAIL is not set: visitors get no mailto fallback when the form cannot deliver.");
  }

  let ratePerMinute = DEFAULT_RATE_LIMIT;
  const rawRate = (env.CONTACT_RATE_LIMIT ?? "").trim();
  if (rawRate) {
    const parsed = Number(rawRate);
    if (Number.isInteger(parsed) && parsed >= 1) ratePerMinute = parsed;
    else notes.push(`CONTACT_RATE_LIMIT must be a whole number of 1 or more; using ${DEFAULT_RATE_LIMIT}.`);
  }

  return { delivery, supportEmail, ratePerMinute, notes };
}
