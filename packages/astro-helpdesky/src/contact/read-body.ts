/** The largest request body the Contact Form reads. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The Node adapter's `bodySizeLimit` (astro.config.mjs), instead of its default of 1 GiB: a
 * backstop for a route that forgets to cap its body. Each route caps its own far lower (this
 * file's callers) and answers 413 itself; the margin matters, because the adapter may read a
 * chunk or two past a route's cap, and past its own limit it drops the connection, 413 unsent.
 */
export const SERVER_BODY_LIMIT_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/** The client went away before its body arrived in full: normal, so nothing to answer or log. */
export class BodyAbortedError extends Error {
  override name = "BodyAbortedError";
}

/**
 * Reads the body as text, refusing it once it passes `limit` bytes: first by its declared
 * length, then while streaming, since a chunked body declares none. Never holds more than
 * `limit` bytes (plus one chunk) in memory.
 */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw new BodyAbortedError();
    }
    if (next.done) break;
    size += next.value.byteLength;
    if (size > limit) {
      // Left unread rather than cancelled: on Node, cancelling destroys the connection, and the
      // client, still sending, would never see the 413. The server drains and closes it after
      // answering (scripts/serve.mjs).
      reader.releaseLock();
      throw new BodyTooLargeError();
    }
    chunks.push(next.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The type of a request's body, without parameters, in lower case. */
export function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * A form body (URL-encoded or multipart) read within `limit` bytes, or null when it is neither
 * or cannot be parsed. Throws as `readLimitedBody` does.
 */
export async function readLimitedForm(
  request: Request,
  limit: number,
): Promise<URLSearchParams | FormData | null> {
  const type = mediaType(request);
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") return null;
  const text = await readLimitedBody(request, limit);
  if (type === "application/x-www-form-urlencoded") return new URLSearchParams(text);
  return new Response(text, { headers: { "content-type": request.headers.get("content-type")! } })
    .formData()
    .catch(() => null);
}
