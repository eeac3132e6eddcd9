import { delay, http, HttpResponse } from "msw";

/** The token endpoint, on whatever origin the test's document has. */
export const TOKEN_PATH = "*/api/helpdesky-token";
/** A script URL no test ever loads: jsdom fetches no scripts, tests fire its events themselves. */
export const TEST_SCRIPT_URL = "https://helpdesky.test/ticket-center.js";

/** The token the endpoint hands `email`: the shape of `GET /api/helpdesky-token`'s 200 body. */
export function tokenFor(email: string) {
  return {
    helpdeskId: "test-helpdesk",
    email,
    // Not a real HMAC: the island passes it on untouched, which is what the tests check.
    signature: `sig-${email}`,
    scriptUrl: TEST_SCRIPT_URL,
  };
}

/** Answers of the token endpoint, one per state the island must handle. */
export const token = {
  signedIn: (email = "ada@example.com") =>
    http.get(TOKEN_PATH, () => HttpResponse.json(tokenFor(email))),
  anonymous: () =>
    http.get(TOKEN_PATH, () => HttpResponse.json({ error: "unauthenticated" }, { status: 401 })),
  notConfigured: () =>
    http.get(TOKEN_PATH, () =>
      HttpResponse.json({ error: "helpdesky_not_configured" }, { status: 503 }),
    ),
  serverError: () =>
    http.get(TOKEN_PATH, () => HttpResponse.text("Internal Server Error", { status: 500 })),
  networkError: () => http.get(TOKEN_PATH, () => HttpResponse.error()),
  notJson: () => http.get(TOKEN_PATH, () => HttpResponse.text("<!doctype html><p>Sign in</p>")),
  wrongShape: () => http.get(TOKEN_PATH, () => HttpResponse.json({ email: "ada@example.com" })),
  unsafeScriptUrl: () =>
    http.get(TOKEN_PATH, () =>
      HttpResponse.json({ ...tokenFor("ada@example.com"), scriptUrl: "javascript:alert(1)" }),
    ),
  hanging: () =>
    http.get(TOKEN_PATH, async () => {
      await delay("infinite");
      return HttpResponse.json(tokenFor("ada@example.com"));
    }),
};

/** What every test starts with: a signed-in user. Tests override it with `server.use(...)`. */
export const handlers = [token.signedIn()];
