import { expect, test } from "@playwright/test";
import { startServer, type RunningServer } from "./support/server.ts";
import { forgeSessionCookie, signIn } from "./support/session.ts";

const base = () => process.env.E2E_BASE_URL!;
const token = (cookie?: string, init: RequestInit = {}, url = `${base()}/api/helpdesky-token`) =>
  fetch(url, { ...init, headers: { ...(cookie ? { Cookie: cookie } : {}), ...init.headers } });

function expectTokenHeaders(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  expect(response.headers.get("vary")).toBe("Cookie");
  expect(response.headers.get("x-robots-tag")).toBe("noindex");
  expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual(
    [],
  );
}

test.describe("GET /api/helpdesky-token (stand-in mode)", () => {
  test("answers 401 to an anonymous visitor", async () => {
    const response = await token();
    expect(response.status).toBe(401);
    expectTokenHeaders(response);
    expect(await response.json()).toEqual({ error: "unauthenticated" });
  });

  test("signs the signed-in user's email, whatever the request asks for", async () => {
    const { cookie } = await signIn(base(), "Zoë@Exämple.com");
    const response = await token(
      cookie,
      { headers: { "X-Email": "eve@example.com" } },
      `${base()}/api/helpdesky-token?email=eve@example.com`,
    );
    expect(response.status).toBe(200);
    expectTokenHeaders(response);
    const body = await response.json();
    expect(body).toEqual({
      helpdeskId: "local-standin",
      email: "Zoë@Exämple.com",
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      scriptUrl: "/helpdesky-standin/ticket-center.js",
    });
    const again = await (await token(cookie)).json();
    expect(again.signature).toBe(body.signature);
    const other = await (await token((await signIn(base(), "zoë@exämple.com")).cookie)).json();
    expect(other.signature).not.toBe(body.signature);
  });

  test("answers HEAD like GET, without a body", async () => {
    const response = await token(undefined, { method: "HEAD" });
    expect(response.status).toBe(401);
    expectTokenHeaders(response);
    expect(await response.text()).toBe("");
  });

  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    test(`answers ${method} with 405 and Allow: GET, HEAD`, async () => {
      const { cookie } = await signIn(base(), "ada@example.com");
      const response = await token(cookie, {
        method,
        headers: { Origin: base(), "Content-Type": "application/json" },
        body: '{"email":"eve@example.com"}',
      });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD");
      expectTokenHeaders(response);
      expect(await response.text()).not.toContain("signature");
    });
  }

  test("answers 401 to a tampered, a foreign-key or an expired session cookie", async () => {
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    // A cookie forged with the server's key is accepted: the cases below fail for the stated reason.
    expect((await token(forgeSessionCookie("ada@example.com", inAnHour))).status).toBe(200);

    const { cookie } = await signIn(base(), "ada@example.com");
    const tampered = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const foreignKey = forgeSessionCookie("ada@example.com", inAnHour, "some-other-key");
    const expired = forgeSessionCookie("ada@example.com", Math.floor(Date.now() / 1000) - 1);
    for (const bad of [tampered, foreignKey, expired, "demo_session=garbage"]) {
      const response = await token(bad);
      expect(response.status, bad).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthenticated" });
    }
  });
});

test.describe("the demo session cookie", () => {
  test("is HttpOnly, SameSite=Lax, Secure, site-wide and expires", async () => {
    const { setCookie, response } = await signIn(base(), "ada@example.com");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/support");
    const attributes = setCookie
      .split(";")
      .slice(1)
      .map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(
      expect.arrayContaining(["httponly", "samesite=lax", "secure", "path=/", "max-age=28800"]),
    );
  });

  test("is never set for a refused email", async () => {
    const { setCookie, response } = await signIn(base(), "not an email");
    expect(response.status).toBe(400);
    expect(setCookie).toBe("");
  });
});

test.describe("with real Helpdesky credentials", () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer({
      HELPDESKY_HMAC_SECRET: "  hdh_secret_e2e_not_real_0000  ",
      HELPDESKY_HELPDESK_ID: "hd_e2e",
      HELPDESKY_STANDIN: "1",
    });
  });
  test.afterAll(() => server.stop());

  test("the demo sign-in is refused, on the page and at the endpoint", async ({ page }) => {
    const { response, setCookie } = await signIn(server.url, "ada@example.com");
    expect(response.status).toBe(503);
    expect(setCookie).toBe("");
    await page.goto(`${server.url}/login`);
    await expect(page.getByRole("alert")).toContainText("demo sign-in is turned off");
    await expect(page.getByRole("button", { name: "Sign in" })).toHaveCount(0);
  });

  test("a demo session cookie gets 503 demo_auth_disabled, never a real signature", async () => {
    const cookie = forgeSessionCookie(
      "ada@example.com",
      Math.floor(Date.now() / 1000) + 3600,
      "e2e-session-key-not-a-real-one",
    );
    const withKey = await startServer({
      HELPDESKY_HMAC_SECRET: "hdh_secret_e2e_not_real_0000",
      HELPDESKY_HELPDESK_ID: "hd_e2e",
      SESSION_SECRET: "e2e-session-key-not-a-real-one",
    });
    try {
      const response = await token(cookie, {}, `${withKey.url}/api/helpdesky-token`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: "demo_auth_disabled" });
    } finally {
      await withKey.stop();
    }
  });

  test("whitespace around the secret is stripped and logged once, without the secret", async () => {
    await fetch(`${server.url}/api/helpdesky-token`);
    await fetch(`${server.url}/api/helpdesky-token`);
    const log = server.output();
    expect(log.match(/whitespace; it was stripped/g)).toHaveLength(1);
    expect(log).toContain("HELPDESKY_STANDIN is ignored");
    expect(log).not.toContain("hdh_secret_e2e_not_real_0000");
  });
});

test("an unconfigured production server answers 503 and its log names the missing variables", async () => {
  const server = await startServer({ HELPDESKY_HELPDESK_ID: "hd_only" });
  try {
    const response = await fetch(`${server.url}/api/helpdesky-token`);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ error: "helpdesky_not_configured" });
    expect(server.output()).toContain("Helpdesky is not configured: set HELPDESKY_HMAC_SECRET.");
  } finally {
    await server.stop();
  }
});
