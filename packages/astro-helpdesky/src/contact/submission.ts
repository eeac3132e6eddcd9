import type { ContactConfig } from "./contact-config.ts";
import type { ContactDelivery } from "./delivery.ts";
import {
  contentFingerprint,
  idempotencyKeyFor,
  isValidClientKey,
  type IdempotencyStore,
  type RepeatResult,
} from "./idempotency.ts";
import type { RateLimiter } from "./rate-limit.ts";
import {
  BodyAbortedError,
  BodyTooLargeError,
  MAX_BODY_BYTES,
  readLimitedBody,
} from "./read-body.ts";
import {
  CONTACT_FIELDS,
  HONEYPOT_FIELD,
  type ContactErrors,
  type ContactValues,
  type FieldTexts,
} from "./fields.ts";
import { validateContact } from "./schema.ts";

/** What a visitor is asked to wait when their message is still being sent elsewhere. */
export const IN_FLIGHT_RETRY_SECONDS = 5;

/** Below this, a form filled in the browser was filled by a script (only checked when measured). */
export const MIN_FILL_MS = 2000;

export interface SubmissionDeps {
  config: Pick<ContactConfig, "supportEmail">;
  /** `null` when no delivery is configured; `missing` then names the variables for the log. */
  delivery: ContactDelivery | null;
  missing: string[];
  rateLimiter: RateLimiter;
  idempotency: IdempotencyStore;
  now?: () => Date;
  log?: (line: string) => void;
  /** The words of the field errors; default English. */
  texts?: FieldTexts;
}

/** What the visitor typed (as typed, untrimmed), so that every failure can show it again. */
type Typed = { values: ContactValues; source: string };

export type ContactOutcome =
  | ({ status: 200; kind: "sent" } & Typed)
  | ({ status: 400; kind: "invalid"; errors: ContactErrors } & Typed)
  | ({ status: 400; kind: "honeypot" | "too_fast" } & Typed)
  | { status: 400; kind: "malformed" }
  /** The JSON API was called without this site's `Origin` (decided by its route, not here). */
  | { status: 403; kind: "cross_site" }
  | ({ status: 409; kind: "key_reused" } & Typed)
  | { status: 413; kind: "too_large" }
  | { status: 415; kind: "unsupported_type" }
  | ({ status: 429; kind: "rate_limited"; retryAfterSeconds: number } & Typed)
  /** A repeat of a key whose first delivery, on another instance, had not ended when we stopped waiting. */
  | ({ status: 503; kind: "in_flight"; retryAfterSeconds: number } & Typed)
  | ({
      status: 502 | 503;
      kind: "delivery_failed" | "not_configured";
      supportEmail: string;
    } & Typed)
  /** The delivery timed out: it may have arrived, so "not sent" would not be true. */
  | ({ status: 504; kind: "delivery_uncertain"; supportEmail: string } & Typed);

interface Parsed {
  fields: Record<string, unknown>;
  /** The key sent by a browser running JavaScript, if any. */
  clientKey: string | undefined;
}

/**
 * The Contact Form's one submission path, for the JSON API and the no-JS form alike: rate limit,
 * body limit, parsing, bot checks, validation, then delivery at most once per idempotency key.
 */
export async function submitContact(
  request: Request,
  clientAddress: string,
  deps: SubmissionDeps,
): Promise<ContactOutcome> {
  const log = deps.log ?? ((line) => console.warn(`[helpdesky] ${line}`));
  // Every attempt counts, but a refused one is still read (at most 64 KB) so the form can show it again.
  const rate = await deps.rateLimiter.take(clientAddress);

  let parsed: Parsed | "unsupported" | "malformed";
  try {
    parsed = await parseBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { status: 413, kind: "too_large" };
    // The visitor is gone and reads no answer; an incomplete body is malformed, and not worth a log line.
    if (error instanceof BodyAbortedError) return { status: 400, kind: "malformed" };
    throw error;
  }
  if (!rate.allowed) {
    const typed =
      typeof parsed === "object" ? typedValues(parsed.fields) : { values: {}, source: "" };
    return {
      status: 429,
      kind: "rate_limited",
      retryAfterSeconds: rate.retryAfterSeconds,
      ...typed,
    };
  }
  if (parsed === "unsupported") return { status: 415, kind: "unsupported_type" };
  if (parsed === "malformed") return { status: 400, kind: "malformed" };

  const typed = typedValues(parsed.fields);
  const honeypot = parsed.fields[HONEYPOT_FIELD];
  if (typeof honeypot === "string" && honeypot.trim() !== "")
    return { status: 400, kind: "honeypot", ...typed };
  const elapsed = Number(parsed.fields.elapsedMs);
  // Only a browser running JavaScript measures this; a form posted without it is never held back.
  if (parsed.fields.elapsedMs !== undefined && Number.isFinite(elapsed) && elapsed < MIN_FILL_MS) {
    return { status: 400, kind: "too_fast", ...typed };
  }

  const validation = validateContact({ ...typed.values, source: typed.source }, deps.texts);
  if (!validation.ok) return { status: 400, kind: "invalid", errors: validation.errors, ...typed };

  const { supportEmail } = deps.config;
  if (!deps.delivery) {
    log(`A Contact Form message could not be delivered: set ${deps.missing.join(" and ")}.`);
    return { status: 503, kind: "not_configured", supportEmail, ...typed };
  }

  const fingerprint = contentFingerprint(validation.message);
  const key = idempotencyKeyFor(parsed.clientKey, fingerprint);
  const claim = await deps.idempotency.claim(key, fingerprint);
  if (claim.kind === "conflict") return { status: 409, kind: "key_reused", ...typed };
  let pending: Promise<RepeatResult>;
  let recorded = Promise.resolve();
  if (claim.kind === "repeat") {
    pending = claim.result;
  } else {
    const receivedAt = (deps.now ?? (() => new Date()))();
    const delivering = deps.delivery.deliver({
      idempotencyKey: key,
      receivedAt,
      message: validation.message,
    });
    recorded = Promise.resolve(claim.settle(delivering));
    pending = delivering;
  }
  const result = await pending;
  // Answered once the result is on record, so that no runtime drops the record with the request.
  await recorded;
  if (result === "in_flight")
    return { status: 503, kind: "in_flight", retryAfterSeconds: IN_FLIGHT_RETRY_SECONDS, ...typed };
  if (result.ok) return { status: 200, kind: "sent", ...typed };
  if (claim.kind === "new")
    log(
      `A Contact Form message could not be delivered by ${deps.delivery.kind}: ${result.detail}.`,
    );
  if (result.reason === "timeout")
    return { status: 504, kind: "delivery_uncertain", supportEmail, ...typed };
  return { status: 502, kind: "delivery_failed", supportEmail, ...typed };
}

async function parseBody(request: Request): Promise<Parsed | "unsupported" | "malformed"> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const supported = [
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
  ];
  if (!supported.includes(type)) return "unsupported";
  const text = await readLimitedBody(request, MAX_BODY_BYTES);
  const headerKey = request.headers.get("idempotency-key") ?? undefined;

  if (type === "application/json") {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return "malformed";
    }
    if (typeof json !== "object" || json === null || Array.isArray(json)) return "malformed";
    const fields = json as Record<string, unknown>;
    const bodyKey = typeof fields.idempotencyKey === "string" ? fields.idempotencyKey : undefined;
    return { fields, clientKey: validKey(headerKey ?? bodyKey) };
  }
  const form =
    type === "multipart/form-data"
      ? await new Response(text, {
          headers: { "content-type": request.headers.get("content-type")! },
        })
          .formData()
          .catch(() => null)
      : new URLSearchParams(text);
  if (!form) return "malformed";
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form.entries())
    if (typeof value === "string" && !(name in fields)) fields[name] = value;
  // A plain HTML form carries no key: one would be the same for every visitor of a prerendered page.
  return { fields, clientKey: validKey(headerKey) };
}

function validKey(key: string | undefined): string | undefined {
  return key && isValidClientKey(key) ? key : undefined;
}

function typedValues(fields: Record<string, unknown>): Typed {
  const values: ContactValues = {};
  for (const field of CONTACT_FIELDS) {
    const value = fields[field];
    if (typeof value === "string") values[field] = value;
  }
  const source = typeof fields.source === "string" ? fields.source : "";
  return { values, source };
}
