import type { BoundedLog } from "./bounded-log.ts";

/** How long the token request may take on the server: the island's default wait for it. */
export const TOKEN_DEADLINE_MS = 10_000;
/** A browser that gives up sooner than this left the page; it did not wait for a slow server. */
const ABANDONED_AFTER_MS = 1_000;
/** How much of an error's message is logged. */
const MAX_MESSAGE_LENGTH = 300;

const HEADERS = {
  "Content-Type": "application/json",
  "Cache-Control": "private, no-store",
  Vary: "Cookie",
  "X-Robots-Tag": "noindex",
};

function failure(status: 500 | 504, error: string): Response {
  return new Response(JSON.stringify({ error }), { status, headers: HEADERS });
}

/** An error as one log line: no line breaks, a bounded length, and never a secret. */
export function describeError(error: unknown, secrets: readonly string[]): string {
  let text =
    error instanceof Error ? `${error.name}: ${error.message}` : `a thrown ${typeof error}`;
  for (const secret of secrets) if (secret) text = text.replaceAll(secret, "[secret]");
  // Control characters would split the log line.
  text = text.replace(/[\u0000-\u001f\u007f]+/g, " ");
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

/**
 * Runs the rest of the token request (the site's middleware, then the token endpoint) so that a
 * middleware that throws or hangs still gets the island an answer it shows as a failure with
 * `Try again`, rather than Astro's error page or a request that never ends; and so that the cause
 * is logged once, not once per retry.
 */
export async function guardTokenRequest(
  next: () => Promise<Response>,
  {
    signal,
    log,
    secrets = [],
    deadlineMs = TOKEN_DEADLINE_MS,
  }: { signal: AbortSignal; log: BoundedLog; secrets?: readonly string[]; deadlineMs?: number },
): Promise<Response> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort = () => {};
  const stalled = new Promise<"deadline" | "abandoned">((resolve) => {
    timer = setTimeout(() => resolve("deadline"), deadlineMs);
    onAbort = () => resolve("abandoned");
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    // The race holds on to the rest of the request: a middleware that throws after the deadline
    // is handled there, never an unhandled rejection (which ends a Node process).
    const outcome = await Promise.race([Promise.resolve().then(next), stalled]);
    if (typeof outcome !== "string") return outcome;
    const waited = Date.now() - started;
    if (outcome === "deadline") {
      log(
        "slow",
        `The site's middleware did not answer the token request within ${deadlineMs} ms; visitors see "Try again" and the Contact Form.`,
      );
    } else if (waited >= ABANDONED_AFTER_MS) {
      log(
        "slow",
        `The site's middleware did not answer the token request before the browser gave up, after ${waited} ms; visitors see "Try again" and the Contact Form.`,
      );
    }
    return failure(504, "token_request_timeout");
  } catch (error) {
    log(
      `threw ${describeError(error, [])}`,
      `The token request failed: ${describeError(error, secrets)}. It was thrown by the site's middleware or the token endpoint; visitors see "Try again" and the Contact Form.`,
    );
    return failure(500, "token_request_failed");
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", onAbort);
  }
}
