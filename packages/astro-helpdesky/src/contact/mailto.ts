import type { ContactValues } from "./fields.ts";

// Mail clients and browsers cut long mailto: URLs; keep the draft well under their limits.
const MAX_BODY_LENGTH = 1800;

/** A `mailto:` link to the support address with the visitor's subject and message filled in. */
export function contactMailto(supportEmail: string, values: ContactValues): string {
  const subject = values.subject?.trim() || "Message from the contact form";
  let body = values.message ?? "";
  if (body.length > MAX_BODY_LENGTH) body = `${body.slice(0, MAX_BODY_LENGTH)}…`;
  const query = new URLSearchParams({ subject, body }).toString().replaceAll("+", "%20");
  return `mailto:${encodeURIComponent(supportEmail).replace("%40", "@")}?${query}`;
}
