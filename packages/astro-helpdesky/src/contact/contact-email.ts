import type { Sender } from "./contact-config.ts";
import type { Delivery } from "./delivery.ts";

/** The email a Contact Form message becomes, in the shape nodemailer's `sendMail` takes. */
export interface ContactEmail {
  envelope: { from: string; to: string };
  from: { name: string; address: string };
  replyTo: { name: string; address: string };
  to: string;
  subject: string;
  messageId: string;
  date: Date;
  text: string;
}

// Line breaks and other control characters never reach a header: they could start a new one.
const HEADER_UNSAFE = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/gu;

/** A value fit for one header line: control characters become a space. */
export function oneLine(value: string): string {
  return value.replace(HEADER_UNSAFE, " ").trim();
}

/**
 * Builds the email for one message. From is the site's own address (so SPF, DKIM and DMARC pass
 * for its domain), Reply-To the visitor (so answering reaches them), and the Message-ID comes from
 * the idempotency key, so a resend of the same submission is recognisably the same mail.
 */
export function contactEmail(
  { idempotencyKey, receivedAt, message }: Delivery,
  from: Sender,
  to: string,
): ContactEmail {
  const domain = from.address.slice(from.address.lastIndexOf("@") + 1);
  const name = oneLine(message.name);
  const subject = oneLine(message.subject);
  const lines = [
    `A message from the Contact Form${message.source ? ` on ${oneLine(message.source)}` : ""}.`,
    "",
    `Name:    ${name || "(not given)"}`,
    `Email:   ${message.email}`,
    `Subject: ${subject || "(none)"}`,
    `Page:    ${oneLine(message.source) || "(unknown)"}`,
    "",
    message.message,
    "",
    "-- ",
    `Replying to this email answers ${message.email} (the Reply-To address).`,
  ];
  return {
    // Set explicitly, so the SMTP envelope never comes from what the visitor typed.
    envelope: { from: from.address, to },
    from: { name: `${oneLine(from.siteName)} Contact Form`, address: from.address },
    replyTo: { name, address: oneLine(message.email) },
    to,
    subject: `Contact form: ${subject || `message from ${name || oneLine(message.email)}`}`,
    messageId: `<contact-${idempotencyKey.replace(/[^A-Za-z0-9_-]/g, "")}@${domain}>`,
    date: receivedAt,
    text: lines.join("\n"),
  };
}
