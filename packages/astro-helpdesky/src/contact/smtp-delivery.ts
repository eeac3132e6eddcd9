import Mailer from "nodemailer/lib/mailer";
import SMTPTransport, { type SMTPTransportOptions } from "nodemailer/lib/smtp-transport";
import type { Sender } from "./contact-config.ts";
import { contactEmail } from "./contact-email.ts";
import type { ContactDelivery, DeliveryResult } from "./delivery.ts";

export interface SmtpOptions {
  /** SMTP_URL: `smtps://user:pass@host:465` or `smtp://user:pass@host:587` (STARTTLS). */
  url: string;
  from: Sender;
  /** SUPPORT_EMAIL. */
  to: string;
  /** The whole send, connection to the server's last answer. */
  timeoutMs?: number;
  /** Connecting, and waiting for the server's greeting. */
  connectTimeoutMs?: number;
}

// A URL's hostname keeps the brackets of an IPv6 address.
const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);

/**
 * nodemailer's transport options for SMTP_URL. Over smtp:// the login must not go out in the
 * clear, so STARTTLS is required except to a relay on this machine; `?requireTLS=false` in the
 * URL overrides that (nodemailer lets the URL's query win).
 */
export function smtpTransportOptions(
  url: string,
  connectTimeoutMs: number,
  socketTimeoutMs: number,
): SMTPTransportOptions {
  const parsed = new URL(url);
  return {
    url,
    requireTLS: parsed.protocol === "smtp:" && !LOOPBACK.has(parsed.hostname),
    connectionTimeout: connectTimeoutMs,
    greetingTimeout: connectTimeoutMs,
    socketTimeout: socketTimeoutMs,
    // A dropped or timed-out connection is let go at once rather than waited on.
    socketCloseTimeout: 0,
    logger: false,
  };
}

/**
 * An SMTP mailer for SMTP_URL. Built from nodemailer's SMTP transport alone rather than through
 * `createTransport`, which would bring every other transport into the Vercel function.
 */
export function smtpMailer(url: string, connectTimeoutMs: number, socketTimeoutMs: number) {
  return new Mailer(
    new SMTPTransport(smtpTransportOptions(url, connectTimeoutMs, socketTimeoutMs)),
  );
}

/**
 * Delivers by email to SUPPORT_EMAIL, awaited within the request: "sent" means the SMTP server
 * accepted the message. One attempt (a cancelled send may still have been accepted); a visitor's
 * retry carries the same Message-ID.
 */
export function smtpDelivery(options: SmtpOptions): ContactDelivery {
  const { timeoutMs = 15_000, connectTimeoutMs = 5_000 } = options;
  const transport = smtpMailer(options.url, connectTimeoutMs, timeoutMs);
  return {
    kind: "email",
    async deliver(delivery) {
      try {
        const info = await transport.sendMail({
          ...contactEmail(delivery, options.from, options.to),
          // The message is built here, from text only: nothing in it may read a file or a URL.
          // Stryker disable next-line BooleanLiteral: defence in depth; contactEmail gives no attachment or path to read
          disableFileAccess: true,
          // Stryker disable next-line BooleanLiteral: defence in depth; contactEmail gives no attachment or path to read
          disableUrlAccess: true,
          signal: AbortSignal.timeout(timeoutMs),
        });
        // Stryker disable ConditionalExpression,ObjectLiteral,BooleanLiteral,StringLiteral: unreachable with the one recipient; nodemailer fails the send when it is refused
        if (info.rejected.length > 0)
          return { ok: false, reason: "rejected", detail: "the SMTP server refused the recipient" };
        // Stryker restore ConditionalExpression,ObjectLiteral,BooleanLiteral,StringLiteral
        return { ok: true };
      } catch (error) {
        return smtpFailure(error, timeoutMs);
      }
    },
  };
}

interface SmtpError {
  code?: string;
  message?: string;
  response?: string;
  responseCode?: number;
}

/** A short, single-line cause for the log: the server's answer or the error code, never SMTP_URL. */
export function smtpFailure(error: unknown, timeoutMs: number): DeliveryResult & { ok: false } {
  const { code, message, response, responseCode } = (error ?? {}) as SmtpError;
  const line = (text: string) => text.replace(/[\r\n]+/g, " ").slice(0, 200);
  if (code === "EABORT" || code === "ETIMEDOUT") {
    return {
      ok: false,
      reason: "timeout",
      detail: `no answer from the SMTP server in time (${code}, limit ${timeoutMs} ms)`,
    };
  }
  if (typeof responseCode === "number") {
    const answer = line(response ?? String(responseCode));
    const what = code === "EAUTH" ? "refused the login" : "refused the message";
    return { ok: false, reason: "rejected", detail: `the SMTP server ${what}: ${answer}` };
  }
  const cause = [code, message && line(message)].filter(Boolean).join(": ") || "unknown error";
  return {
    ok: false,
    reason: "network",
    detail: `the SMTP server could not be reached or dropped the connection (${cause})`,
  };
}
