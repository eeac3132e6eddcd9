import { resolveContactConfig, type ContactConfig } from "../contact/contact-config.ts";
import { smtpFailure, smtpMailer } from "../contact/smtp-delivery.ts";
import type { Check } from "./doctor-checks.ts";
import type { SiteEnv } from "./site-env.ts";

/** Tries the SMTP login without sending anything; resolves to the failure's text, or null. */
export type SmtpLogin = (url: string) => Promise<string | null>;

const LOGIN_TIMEOUT_MS = 10_000;

/** Connects, says EHLO, upgrades to TLS, logs in and quits: nodemailer's `verify()`. */
export const trySmtpLogin: SmtpLogin = async (url) => {
  const transport = smtpMailer(url, LOGIN_TIMEOUT_MS, LOGIN_TIMEOUT_MS);
  try {
    await transport.verify();
    return null;
  } catch (error) {
    return smtpFailure(error, LOGIN_TIMEOUT_MS).detail;
  } finally {
    transport.close();
  }
};

/** The Contact Form's lines of `doctor`: which channel delivers, and whether it can. */
export async function contactChecks(
  env: SiteEnv,
  standin: boolean,
  login: SmtpLogin = trySmtpLogin,
): Promise<Check[]> {
  const config = resolveContactConfig(
    {
      SUPPORT_EMAIL: env.value("SUPPORT_EMAIL"),
      SMTP_URL: env.value("SMTP_URL"),
      CONTACT_FROM: env.value("CONTACT_FROM"),
      CONTACT_WEBHOOK_URL: env.value("CONTACT_WEBHOOK_URL"),
      CONTACT_WEBHOOK_SECRET: env.value("CONTACT_WEBHOOK_SECRET"),
      CONTACT_RATE_LIMIT: env.value("CONTACT_RATE_LIMIT"),
    },
    standin,
  );
  const checks: Check[] = config.errors.map((error) => ({
    ok: false,
    text: error,
    fix: fixFor(error),
  }));
  checks.push(...(await channelChecks(config, login)));
  for (const note of config.notes) {
    if (!note.startsWith("The Contact Form cannot deliver"))
      checks.push({ ok: false, text: note, fix: fixFor(note) });
  }
  return checks;
}

async function channelChecks({ delivery }: ContactConfig, login: SmtpLogin): Promise<Check[]> {
  switch (delivery.kind) {
    case "email": {
      const url = new URL(delivery.url);
      const server = `${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`;
      const route: Check = {
        ok: true,
        text: `Email delivery: Contact Form messages go from "${delivery.from.siteName} Contact Form" <${delivery.from.address}> to ${delivery.to} through ${server}.`,
      };
      const failure = await login(delivery.url);
      if (failure === null)
        return [
          route,
          { ok: true, text: `The SMTP server at ${server} accepted the login (nothing was sent).` },
        ];
      return [
        route,
        {
          ok: false,
          text: `The SMTP login at ${server} failed: ${failure}.`,
          fix: "Check SMTP_URL's host, port (465 for smtps://, 587 for smtp:// with STARTTLS; 25 is blocked on Vercel), user and password (percent-encode @, : and / in them).",
        },
      ];
    }
    case "webhook":
      return [
        {
          ok: true,
          text: `Webhook delivery to ${new URL(delivery.url).origin}, signed as Standard Webhooks (CONTACT_WEBHOOK_SECRET: ${delivery.key.length} bytes).`,
        },
      ];
    case "local-inbox":
      return [
        {
          ok: true,
          text: "Stand-in mode with no email or webhook: Contact Form messages go to the local inbox (/helpdesky-standin/inbox).",
        },
      ];
    case "unconfigured":
      return [
        {
          ok: false,
          text: "The Contact Form cannot deliver messages: visitors are offered only the mailto: fallback.",
          fix: `Set ${delivery.missing.join(", ")}${delivery.missing.includes("SMTP_URL") && delivery.missing.includes("CONTACT_FROM") ? " (email), or CONTACT_WEBHOOK_URL and CONTACT_WEBHOOK_SECRET (a webhook)" : ""}.`,
        },
      ];
  }
}

function fixFor(text: string): string | undefined {
  if (text.includes("webhook-secret"))
    return "Run `npx helpdesky webhook-secret` and give the receiver the same value.";
  if (text.startsWith("SMTP_URL or CONTACT_FROM is set"))
    return "Keep one channel: unset CONTACT_WEBHOOK_URL and CONTACT_WEBHOOK_SECRET, or SMTP_URL and CONTACT_FROM.";
  if (text.startsWith("SUPPORT_EMAIL"))
    return "Set SUPPORT_EMAIL to the address your helpdesk's email forwarding routes into its inbox.";
  return undefined;
}
