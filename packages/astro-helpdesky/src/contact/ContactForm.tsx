import { contactForm as configured, locale } from "virtual:helpdesky/messages";
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type SubmitEvent,
} from "react";
import "../styles/theme.css";
import "./contact-form.css";
import type { ContactFormMessages, MessageOverrides } from "../messages/default-messages.ts";
import { mergeMessages } from "../messages/merge-messages.ts";
import {
  CONTACT_FIELDS,
  CONTACT_LIMITS,
  HONEYPOT_FIELD,
  checkContactFields,
  hintOf,
  labelOf,
  type ContactErrors,
  type ContactField,
  type ContactValues,
  type FieldTexts,
} from "./fields.ts";

export interface ContactFormProps {
  /** The page the visitor writes from; defaults to the current path. */
  source?: string;
  /** The Contact Form API; matches the integration's `contactRoute`. */
  endpoint?: string;
  /** Where the form posts before it hydrates: the site's no-JS form page. */
  action?: string;
  /** How long one request may take before the form says so, in ms. */
  timeoutMs?: number;
  /** Texts of this form, merged over the site's `messages.contactForm` (and the English defaults). */
  messages?: MessageOverrides<ContactFormMessages>;
}

/** What the API answers on failure (see api-response.ts): its notice, and what to do next. */
interface FailureBody {
  error?: unknown;
  message?: unknown;
  fields?: ContactErrors;
  mailto?: { href?: unknown } | null;
}

type Status = "idle" | "sending" | "sent" | "failed";

const EMPTY: Required<ContactValues> = { name: "", email: "", subject: "", message: "" };

/**
 * The Contact Form for script-driven pages such as the Ticket Center island: checks the fields as
 * the server will, posts JSON with an idempotency key, keeps the text on every failure, and shows
 * the server's notice and `mailto:` fallback when it cannot deliver.
 */
export function ContactForm({
  source,
  endpoint = "/api/contact",
  action = "/contact/send",
  timeoutMs = 15_000,
  messages,
}: ContactFormProps) {
  const idPrefix = useId();
  const texts = useMemo<FieldTexts>(
    () => ({ messages: mergeMessages(configured, messages), locale }),
    [messages],
  );
  const words = texts.messages;
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

  function fail(text: string, fieldErrors: ContactErrors = {}, href: string | null = null) {
    setStatus("failed");
    setNotice(text);
    setErrors(fieldErrors);
    setMailtoHref(href);
    const first = CONTACT_FIELDS.find((field) => fieldErrors[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sendingRef.current) return;
    const found = checkContactFields(values, texts);
    if (Object.keys(found).length > 0) return fail(words.notices.invalid, found);
    sendingRef.current = true;
    setStatus("sending");
    setErrors({});
    keyRef.current ??= crypto.randomUUID();
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "Idempotency-Key": keyRef.current,
        },
        body: JSON.stringify({
          ...values,
          source: source ?? window.location.pathname,
          [HONEYPOT_FIELD]: honeypot,
          elapsedMs: Date.now() - shownAt.current,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json().catch(() => ({}))) as FailureBody;
      if (response.ok) {
        keyRef.current = null;
        setStatus("sent");
        setNotice(words.notices.sent);
        setValues(EMPTY);
        return;
      }
      // 409: the server holds this key for another message, so the next attempt needs a new one.
      if (response.status === 409) keyRef.current = null;
      // The API words every refusal it makes; an answer without its error code (a proxy's or a
      // gateway's page) is not trusted for text, fields or links, and gets our own notice.
      if (typeof body.error !== "string" || typeof body.message !== "string")
        return fail(words.notices.unexpected);
      const href = body.mailto?.href;
      fail(
        body.message,
        body.fields,
        typeof href === "string" && href.startsWith("mailto:") ? href : null,
      );
    } catch {
      fail(words.notices.network);
    } finally {
      sendingRef.current = false;
    }
  }

  if (status === "sent") {
    return (
      <div className="contact-form">
        <p
          ref={sentRef}
          className="contact-notice contact-notice-success"
          role="status"
          tabIndex={-1}
        >
          {notice}
        </p>
        <button
          className="hdh-button hdh-button-secondary"
          type="button"
          onClick={() => setStatus("idle")}
        >
          {words.writeAnother}
        </button>
      </div>
    );
  }

  const sending = status === "sending";
  return (
    <form
      ref={formRef}
      className="contact-form"
      method="post"
      action={action}
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-busy={sending}
    >
      <input type="hidden" name="source" value={source ?? ""} />
      {status === "failed" && notice && (
        <div className="contact-notice contact-notice-error" role="alert">
          <p>{notice}</p>
          {mailtoHref && (
            <p>
              <a href={mailtoHref}>{words.mailtoLink}</a>
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
            <label htmlFor={id}>{labelOf(field, texts)}</label>
            <p className="contact-hint" id={`${id}-hint`}>
              {hintOf(field, texts)}
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
        <label htmlFor={idOf(HONEYPOT_FIELD)}>{words.honeypotLabel}</label>
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
      <button className="hdh-button" type="submit" disabled={sending}>
        {words.submit}
      </button>
      {sending && (
        <p className="contact-hint" role="status">
          {words.sending}
        </p>
      )}
    </form>
  );
}

export default ContactForm;
