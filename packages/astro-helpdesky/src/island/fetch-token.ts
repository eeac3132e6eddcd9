/** The signed credentials the token endpoint hands the island. */
export interface TicketCenterToken {
  helpdeskId: string;
  email: string;
  signature: string;
  scriptUrl: string;
}

/** Why the Ticket Center cannot be shown, as the island tells a site through `onError`. */
export type TicketCenterFailure =
  /** The request never got an answer: offline, DNS, CORS, a dropped connection. */
  | "network"
  /** No answer within `timeoutMs`. */
  | "timeout"
  /** A 5xx (other than the ones below) or another unexpected status. */
  | "server"
  /** A 200 whose body is not the token the contract describes. */
  | "bad-response"
  /** 503 `helpdesky_not_configured`: the site has no Helpdesky credentials yet. */
  | "not-configured"
  /** 503 `demo_auth_disabled`: real credentials refuse the demo sign-in. */
  | "demo-auth-disabled"
  /** 422 `unsignable_email`: the account's email cannot be signed. */
  | "unsignable-email"
  /** The Ticket Center script did not load: blocked, offline, or too slow. */
  | "script";

export type TokenResult =
  | { kind: "ok"; token: TicketCenterToken }
  | { kind: "unauthenticated" }
  | { kind: "failed"; failure: TokenFailure; status?: number }
  | { kind: "aborted" };

type TokenFailure = Exclude<TicketCenterFailure, "script">;

const ERROR_CODES: Record<string, TokenFailure | undefined> = {
  helpdesky_not_configured: "not-configured",
  demo_auth_disabled: "demo-auth-disabled",
  unsignable_email: "unsignable-email",
  // The site's middleware did not let the token request through in time (token-request-guard.ts).
  token_request_timeout: "timeout",
};

function isToken(value: unknown): value is TicketCenterToken {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  const fields = ["helpdeskId", "email", "signature", "scriptUrl"] as const;
  if (!fields.every((name) => typeof record[name] === "string" && record[name] !== ""))
    return false;
  try {
    // Only an http(s) script may be loaded: never a `javascript:` or `data:` URL from a bad body.
    const { protocol } = new URL(record.scriptUrl as string, document.baseURI);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

async function readErrorCode(response: Response): Promise<string | undefined> {
  const body: unknown = await response.json().catch(() => undefined);
  const error =
    typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof error === "string" ? error : undefined;
}

/**
 * Asks the token endpoint for the signed-in user's credentials. Same origin, cookies included and
 * the URL left as given, so the browser hands over the page's `<link rel="preload">` response.
 * Never throws: every outcome is a `TokenResult`.
 */
export async function fetchToken(
  url: string,
  { timeoutMs, signal }: { timeoutMs: number; signal: AbortSignal },
): Promise<TokenResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => controller.abort();
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal aborts once; the listener is removed in `finally`.
  signal.addEventListener("abort", forwardAbort, { once: true });
  if (signal.aborted) controller.abort();

  try {
    const response = await fetch(new URL(url, document.baseURI), {
      // Nothing else set: any difference from the preload would make the browser fetch twice.
      credentials: "include",
      signal: controller.signal,
    });
    if (response.status === 401) {
      // Its body says nothing more, but left unread it never finishes loading for the browser
      // when this fetch took the preload over in flight: a connection held, a page never idle.
      response.body?.cancel().catch(() => {});
      return { kind: "unauthenticated" };
    }
    if (response.status === 200) {
      const body: unknown = await response.json().catch(() => undefined);
      return isToken(body)
        ? { kind: "ok", token: body }
        : { kind: "failed", failure: "bad-response", status: 200 };
    }
    const code = await readErrorCode(response);
    // Own keys only: "constructor" or "toString" from a body would otherwise read Object's methods.
    const known =
      code !== undefined && Object.hasOwn(ERROR_CODES, code) ? ERROR_CODES[code] : undefined;
    return { kind: "failed", failure: known ?? "server", status: response.status };
  } catch {
    if (signal.aborted) return { kind: "aborted" };
    return { kind: "failed", failure: timedOut ? "timeout" : "network" };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", forwardAbort);
  }
}
