import { parseWebhookSecret } from "./webhook-signature.ts";

/** The raw values, as `astro:env/server` gives them. */
export interface ContactEnv {
  SUPPORT_EMAIL?: string | undefined;
  SMTP_URL?: string | undefined;
  CONTACT_FROM?: string | undefined;
  CONTACT_WEBHOOK_URL?: string | undefined;
  CONTACT_WEBHOOK_SECRET?: string | undefined;
  CONTACT_RATE_LIMIT?: string | undefined;
}

export const DEFAULT_RATE_LIMIT = 10;

/** The sender: CONTACT_FROM's address, and the site's name from its display name (or domain). */
export interface Sender {
  siteName: string;
  address: string;
}

export type DeliveryChoice =
  /** `url` holds the SMTP password: never log it. `to` is SUPPORT_EMAIL. */
  | { kind: "email"; url: string; from: Sender; to: string }
  /** `key` is the decoded `whsec_` secret. */
  | { kind: "webhook"; url: string; key: Buffer }
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
  /** Configuration errors, logged as errors at start-up; they too name variables, never values. */
  errors: string[];
}

// One plain address: no display name, no list (a comma or semicolon would add a recipient).
const SIMPLE_EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+$/;
const EMAIL_ONLY = "SMTP_URL, CONTACT_FROM and SUPPORT_EMAIL";
const WEBHOOK_ONLY = "CONTACT_WEBHOOK_URL and CONTACT_WEBHOOK_SECRET";

/**
 * Decides delivery from the environment: pure, so each rule is testable. One channel delivers:
 * email when SMTP_URL or CONTACT_FROM is set, else the webhook, else (stand-in mode) the local
 * inbox. Half a configuration of the chosen channel is none, never a silent fall-back to another.
 */
export function resolveContactConfig(env: ContactEnv, standin: boolean): ContactConfig {
  const notes: string[] = [];
  const errors: string[] = [];
  const webhookUrl = (env.CONTACT_WEBHOOK_URL ?? "").trim();
  const webhookSecret = (env.CONTACT_WEBHOOK_SECRET ?? "").trim();
  const smtpUrl = (env.SMTP_URL ?? "").trim();
  const contactFrom = (env.CONTACT_FROM ?? "").trim();

  let supportEmail = (env.SUPPORT_EMAIL ?? "").trim();
  const supportEmailInvalid = Boolean(supportEmail) && !SIMPLE_EMAIL.test(supportEmail);
  if (supportEmailInvalid) supportEmail = "";

  let delivery: DeliveryChoice;
  if (smtpUrl || contactFrom) {
    const missing: string[] = [];
    if (!smtpUrl) missing.push("SMTP_URL");
    else if (!isSmtpUrl(smtpUrl)) {
      errors.push(
        "SMTP_URL must look like smtps://user:pass@smtp.example.com:465 or smtp://user:pass@smtp.example.com:587; email delivery is off.",
      );
      missing.push("SMTP_URL");
    }
    const from = contactFrom ? parseSender(contactFrom) : null;
    if (!contactFrom) missing.push("CONTACT_FROM");
    else if (!from) {
      errors.push(
        "CONTACT_FROM must be an address on the site's domain, like contact@acme.example or Acme Cloud <contact@acme.example>; email delivery is off.",
      );
      missing.push("CONTACT_FROM");
    }
    if (!supportEmail) missing.push("SUPPORT_EMAIL");
    delivery =
      missing.length === 0 && from
        ? { kind: "email", url: smtpUrl, from, to: supportEmail }
        : { kind: "unconfigured", missing };
    if (webhookUrl || webhookSecret) {
      notes.push(
        "SMTP_URL or CONTACT_FROM is set, so the Contact Form delivers by email only: CONTACT_WEBHOOK_URL and CONTACT_WEBHOOK_SECRET are ignored.",
      );
    }
  } else if (webhookUrl && !/^https?:\/\//i.test(webhookUrl)) {
    errors.push(
      "CONTACT_WEBHOOK_URL must start with https:// (or http:// on a private network); the webhook is off.",
    );
    delivery = { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_URL"] };
  } else if (webhookUrl && webhookSecret) {
    const parsed = parseWebhookSecret(webhookSecret);
    if (parsed.ok) {
      delivery = { kind: "webhook", url: webhookUrl, key: parsed.key };
    } else {
      errors.push(`${parsed.problem} The webhook is off.`);
      delivery = { kind: "unconfigured", missing: ["CONTACT_WEBHOOK_SECRET"] };
    }
  } else if (webhookUrl || webhookSecret) {
    // An unsigned webhook could not be trusted by its receiver, so half a configuration is none.
    delivery = {
      kind: "unconfigured",
      missing: [webhookUrl ? "CONTACT_WEBHOOK_SECRET" : "CONTACT_WEBHOOK_URL"],
    };
  } else if (standin) {
    delivery = { kind: "local-inbox" };
  } else {
    delivery = {
      kind: "unconfigured",
      missing: ["SMTP_URL", "CONTACT_FROM", ...(supportEmail ? [] : ["SUPPORT_EMAIL"])],
    };
  }
  if (delivery.kind === "unconfigured") {
    const none = !smtpUrl && !contactFrom && !webhookUrl && !webhookSecret;
    notes.push(
      none
        ? `The Contact Form cannot deliver messages: set ${EMAIL_ONLY} (email), or ${WEBHOOK_ONLY} (a webhook).`
        : `The Contact Form cannot deliver messages: set ${listed(delivery.missing)}.`,
    );
  }

  if (supportEmailInvalid) {
    notes.push("SUPPORT_EMAIL is not an email address; the mailto fallback is off.");
  } else if (!supportEmail && delivery.kind !== "local-inbox") {
    notes.push(
      "SUPPORT_EMAIL is not set: visitors get no mailto fallback when the form cannot deliver.",
    );
  }

  let ratePerMinute = DEFAULT_RATE_LIMIT;
  const rawRate = (env.CONTACT_RATE_LIMIT ?? "").trim();
  if (rawRate) {
    const parsed = Number(rawRate);
    if (Number.isInteger(parsed) && parsed >= 1) ratePerMinute = parsed;
    else
      notes.push(
        `CONTACT_RATE_LIMIT must be a whole number of 1 or more; using ${DEFAULT_RATE_LIMIT}.`,
      );
  }

  return { delivery, supportEmail, ratePerMinute, notes, errors };
}

function listed(names: string[]): string {
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** smtp:// (STARTTLS) or smtps:// (TLS from the start), with a host. */
export function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const NAMED_ADDRESS = /^(.*?)\s*<([^<>]+)>$/s;
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/u;

/** `contact@acme.example` or `Acme Cloud <contact@acme.example>`; null when neither. */
export function parseSender(value: string): Sender | null {
  const named = NAMED_ADDRESS.exec(value);
  const address = (named ? named[2]! : value).trim();
  const name = (named ? named[1]! : "")
    .trim()
    .replace(/^"(.*)"$/s, "$1")
    .trim();
  if (!SIMPLE_EMAIL.test(address) || CONTROL.test(name) || /["<>]/.test(name)) return null;
  return { siteName: name || address.slice(address.lastIndexOf("@") + 1), address };
}
