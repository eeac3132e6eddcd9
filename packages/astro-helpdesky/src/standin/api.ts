import {
  MAX_BODY_LENGTH,
  MAX_SUBJECT_LENGTH,
  type ConversationStore,
} from "./conversation-store.ts";
import { BodyAbortedError, BodyTooLargeError, readLimitedBody } from "../contact/read-body.ts";
import { verifySignature } from "./verify-signature.ts";

/**
 * The largest body the stand-in API reads: a subject and a message at their limits, every
 * character escaped as `\uXXXX` in the JSON, fit in it.
 */
export const MAX_STANDIN_BODY_BYTES = 32 * 1024;

/** What the stand-in API needs from its surroundings; the route passes the real ones. */
export interface StandinApiContext {
  secret: string;
  helpdeskId: string;
  store: () => Promise<ConversationStore>;
}

const JSON_HEADERS = { "Content-Type": "application/json", "Cache-Control": "private, no-store" };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

/**
 * The email a request proves it may act for, or null. The script sends the three values of its
 * `data-*` attributes with every call, and every call is verified, as Helpdesky's servers do.
 */
async function authenticatedEmail(
  request: Request,
  context: StandinApiContext,
): Promise<string | null> {
  const helpdeskId = request.headers.get("x-helpdesky-helpdesk-id");
  const encodedEmail = request.headers.get("x-helpdesky-email");
  const signature = request.headers.get("x-helpdesky-signature");
  if (helpdeskId !== context.helpdeskId || !encodedEmail || !signature) return null;
  let email: string;
  try {
    // Encoded by the script, because a header cannot carry a non-ASCII email as is.
    email = decodeURIComponent(encodedEmail);
  } catch {
    return null;
  }
  return (await verifySignature(email, signature, context.secret)) ? email : null;
}

/** A trimmed string field of at most `max` characters, or null. */
function textField(body: unknown, name: string, max: number): string | null {
  const value =
    typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= max ? trimmed : null;
}

/** A JSON body read within `MAX_STANDIN_BODY_BYTES`; null when it is not JSON or the client left. */
async function readJson(request: Request): Promise<{ body: unknown } | "too_large"> {
  try {
    return { body: JSON.parse(await readLimitedBody(request, MAX_STANDIN_BODY_BYTES)) };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return "too_large";
    if (error instanceof BodyAbortedError || error instanceof SyntaxError) return { body: null };
    throw error;
  }
}

const tooLarge = () => json({ error: "too_large" }, 413);

/** Answers one call to the stand-in API; `path` is what follows `<base>/api/`. */
export async function handleStandinApi(
  request: Request,
  path: string,
  context: StandinApiContext,
): Promise<Response> {
  const email = await authenticatedEmail(request, context);
  if (email === null) return json({ error: "authentication_failed" }, 401);
  const method = request.method;

  if (path === "session" && method === "POST") return json({ email });

  if (path === "conversations") {
    const store = await context.store();
    if (method === "GET") return json({ conversations: store.list(email) });
    if (method === "POST") {
      const read = await readJson(request);
      if (read === "too_large") return tooLarge();
      const { body } = read;
      const subject = textField(body, "subject", MAX_SUBJECT_LENGTH);
      const message = textField(body, "body", MAX_BODY_LENGTH);
      if (!subject || !message) return json({ error: "invalid_conversation" }, 422);
      return json({ conversation: store.start(email, subject, message) }, 201);
    }
    return json({ error: "method_not_allowed" }, 405);
  }

  const reply = /^conversations\/([1-9][0-9]{0,15})\/messages$/.exec(path);
  if (reply && method === "POST") {
    const read = await readJson(request);
    if (read === "too_large") return tooLarge();
    const message = textField(read.body, "body", MAX_BODY_LENGTH);
    if (!message) return json({ error: "invalid_message" }, 422);
    const store = await context.store();
    const conversation = store.reply(email, Number(reply[1]), message);
    return conversation ? json({ conversation }, 201) : json({ error: "not_found" }, 404);
  }

  return json({ error: "not_found" }, 404);
}
