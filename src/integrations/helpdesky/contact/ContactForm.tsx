import { useEffect, useId, useRef, useState, type ChangeEvent, type SubmitEvent } from "react";
import "./contact-form.css";
import { contactMailto } from "./mailto.ts";
import { CONTACT_NOTICES, rateLimitedNotice } from "./messages.ts";
import {
  CONTACT_FIELDS,
  CONTACT_HINTS,
  CONTACT_LABELS,
  CONTACT_LIMITS,
  HONEYPOT_FIELD,
  validateContact,
  type ContactErrors,
  type ContactField,
  type ContactValues,
} from "./schema.ts";

export interface ContactFormProps {
  /** The page the visitor writes from; defaults to the current path. */
  source?: string;
  /** Offered as a `mailto:` fallback even when the server cannot be reached. */
  supportEmail?: string;
  /** The Contact Form API; matches the integration's `contactRoute`. */
  endpoint?: string;
  /** Where the form posts before it hydrates: the site's no-JS form page. */
  action?: string;
  /** How long one request may take before the form says so, in ms. */
  timeoutMs?: number;
}

type Status = "idle" | "sending" | "sent" | "failed";

const EMPTY: Required<ContactValues> = { name: "", email: "", subject: "", message: "" };

/**
 * The Contact Form for script-driven pages such as the Ticket Center island: posts JSON with an
 * idempotency key, keeps the text on every failure, and offers mailto when delivery is impossible.
 */
export function ContactForm({
  source,
  supportEmail,
  endpoint = "/api/contact",
  action = "/contact/send",
  timeoutMs = 15_000,
}: ContactFormProps) {
  const idPrefix = useId();
  const [values, setValues] = useState<Required<ContactValues>>(EMPTY);
  const [honeypot, setHoneypot] = useState("");
  const [errors, setErrors] = useState<ContactErrors>({});
  const [status, setStatus] = useState<Status>("idle");
  const [notice, setNotice] = useState("");
  const [mailtoHref, setMailtoHref] = useState<string | null>(null);
  // One key per content: a retry of the same text reuses it, so the server delivers it once.
  const keyRef = useRef<string | null>(null);
  const sendingRef = useRef(false);
  const shownAt = useRef(0);
  const formRef = useRef<HTMLFormElement>(null);
  const sentRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    shownAt.current = Date.now();
  }, []);

  // The form is replaced by the confirmation: move focus there so that it is read out.
  useEffect(() => {
    if (status === "sent") sentRef.current?.focus();
  }, [status]);

  const idOf = (name: string) => `${idPrefix}-${name}`;

  function update(field: ContactField) {
    return (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      keyRef.current = null;
      setValues((current) => ({ ...current, [field]: event.target.value }));
      if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
    };
  }

  function fail(text: string, withMailto: { href: string } | null = null) {
    setStatus("failed");
    setNotice(text);
    setMailtoHref(withMailto?.href ?? (supportEmail ? contactMailto(supportEmail, values) : null));
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sendingRef.current) return;
    const pagePath = source ?? window.location.pathname;
    const checked = validateContact({ ...values, source: pagePath });
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus("failed");
      setNotice(CONTACT_NOTICES.invalid);
      setMailtoHref(null);
      focusFirstError(checked.errors);
      return;
    }
    sendingRef.current = true;
    setStatus("sending");
    setErrors({});
    keyRef.current ??= crypto.randomUUID();
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": keyRef.current },
        body: JSON.stringify({
          ...values,
          source: pagePath,
          [HONEYPOT_FIELD]: honeypot,
          elapsedMs: Date.now() - shownAt.current,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json().catch(() => ({}))) as {
        error?: string;
        fields?: ContactErrors;
        mailto?: { href: string } | null;
        retryAfter?: number;
      };
      if (response.ok) {
        keyRef.current = null;
        setStatus("sent");
        setNotice(CONTACT_NOTICES.sent);
        setValues(EMPTY);
        return;
      }
      if (response.status === 400 && body.error === "invalid" && body.fields) {
        setErrors(body.fields);
        setStatus("failed");
        setNotice(CONTACT_NOTICES.invalid);
        setMailtoHref(null);
        focusFirstError(body.fields);
      } else if (response.status === 429) {
        fail(rateLimitedNotice(Number(response.headers.get("Retry-After")) || body.retryAfter));
      } else if (body.error === "not_configured" || body.error === "delivery_failed") {
        fail(CONTACT_NOTICES[body.error], body.mailto ?? null);
      } else if (body.error === "honeypot" || body.error === "too_fast" || body.error === "too_large") {
        fail(CONTACT_NOTICES[body.error]);
      } else {
        // A conflicting or unknown answer: a fresh key lets the next attempt start clean.
        keyRef.current = null;
        fail(CONTACT_NOTICES.unexpected);
      }
    } catch {
      fail(CONTACT_NOTICES.network);
    } finally {
      sendingRef.current = false;
    }
  }

  function focusFirstError(found: ContactErrors) {
    const first = CONTACT_FIELDS.find((field) => found[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  if (status === "sent") {
    return (
      <div className="contact-form">
        <p ref={sentRef} className="contact-notice contact-notice-success" role="status" tabIndex={-1}>
          {notice}
        </p>
        <button className="button button-secondary" type="button" onClick={() => setStatus("idle")}>
          Write another message
        </button>
      </div>
    );
  }

  const sending = status === "sending";
  return (
    <form ref={formRef} className="contact-form" method="post" action={action} noValidate onSubmit={submit} aria-busy={sending}>
      <input type="hidden" name="source" value={source ?? ""} />
      {status === "failed" && notice && (
        <div className="contact-notice contact-notice-error" role="alert">
          <p>{notice}</p>
          {mailtoHref && (
            <p>
              <a href={mailtoHref}>{CONTACT_NOTICES.mailto}</a>
            </p>
          )}
        </div>
      )}
      {CONTACT_FIELDS.map((field) => {
        const id = idOf(field);
        const error = errors[field];
        const describedBy = error ? `${id}-error ${id}-hint` : `${id}-hint`;
        const common = {
          id,
          name: field,
          value: values[field],
          onChange: update(field),
          required: field === "email" || field === "message",
          maxLength: CONTACT_LIMITS[field],
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
        };
        return (
          <div className="contact-field" key={field}>
            <label htmlFor={id}>{CONTACT_LABELS[field]}</label>
            <p className="contact-hint" id={`${id}-hint`}>
              {CONTACT_HINTS[field]}
            </p>
            {field === "message" ? (
              <textarea {...common} rows={8} />
            ) : (
              <input
                {...common}
                type={field === "email" ? "email" : "text"}
                autoComplete={field === "email" ? "email" : field === "name" ? "name" : "off"}
              />
            )}
            {error && (
              <p className="contact-error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div className="contact-honeypot" aria-hidden="true">
        <label htmlFor={idOf(HONEYPOT_FIELD)}>Leave this empty</label>
        <input
          id={idOf(HONEYPOT_FIELD)}
          name={HONEYPOT_FIELD}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={honeypot}
          onChange={(event) => setHoneypot(event.target.value)}
        />
      </div>
      <button className="button" type="submit" disabled={sending}>
        Send message
      </button>
      {sending && (
        <p className="contact-hint" role="status">
          Sending…
        </p>
      )}
    </form>
  );
}

export default ContactForm;
