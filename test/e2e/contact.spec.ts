import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { SHARED_SERVER_ENV } from "./global-setup.ts";
import { inboxRows } from "./support/contact-inbox.ts";
import { startServer, type RunningServer } from "./support/server.ts";
import { startWebhookReceiver } from "./support/webhook-receiver.ts";

// Several tests post the form two or three times through a real browser: give them room on a busy machine.
test.describe.configure({ timeout: 120_000 });

interface Typed {
  Name: string;
  Email: string;
  Subject: string;
  Message: string;
}

/** A message whose text no other test uses, so its inbox rows can be counted. */
function uniqueMessage(overrides: Partial<Typed> = {}): Typed {
  return {
    Name: "Zoë Ångström",
    Email: "zoe@example.com",
    Subject: "Invoice question",
    Message: `My invoice looks wrong <b>${randomUUID()}</b> — can you check? 🙏`,
    ...overrides,
  };
}

async function fillIn(page: Page, typed: Typed) {
  for (const [label, value] of Object.entries(typed))
    await page.getByLabel(label, { exact: true }).fill(value);
}

async function expectKept(page: Page, typed: Typed) {
  for (const [label, value] of Object.entries(typed))
    await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
}

const dataDir = () => process.env.E2E_DATA_DIR!;
// A Standard Webhooks secret made for these tests only (32 bytes, as `webhook-secret` makes).
const WEBHOOK_SECRET = `whsec_${Buffer.from("e2e-contact-webhook-key-32-bytes").toString("base64")}`;

test.describe("Contact Form on /support for anonymous visitors", () => {
  test("the page's form sends the message once on a double click, and says it was sent", async ({
    page,
  }) => {
    const typed = uniqueMessage();
    await page.goto("/support");
    await expect(page.getByRole("heading", { name: "Send us a message" })).toBeVisible();
    await fillIn(page, typed);
    await page.getByRole("button", { name: "Send message" }).dblclick();

    await expect(page).toHaveURL(/\/contact\/sent\/?$/);
    await expect(page.getByRole("status")).toHaveText(
      "Your message was sent. We will reply by email.",
    );
    expect(inboxRows(dataDir(), typed.Message)).toEqual([
      {
        name: typed.Name,
        email: typed.Email,
        subject: typed.Subject,
        message: typed.Message,
        source: "/support",
      },
    ]);
  });

  test("the form shows with the token's answer and sends, and the island's code is never asked for", async ({
    page,
    context,
    baseURL,
  }) => {
    // A stale signed-in hint: the boot module asks the token, and shows the page's form with its
    // 401 in place of the loading state. React and the island would add nothing: never loaded.
    await context.addCookies([{ name: "signed_in", value: "1", url: baseURL! }]);
    const islandChunks: string[] = [];
    await page.route(/\/_astro\/(client|react|TicketCenterIsland)\.[^/]+\.js$/, (route) => {
      islandChunks.push(route.request().url());
      return route.abort();
    });
    const formChunks: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.includes("AnonymousFallback"))
        formChunks.push(request.url());
    });
    const typed = uniqueMessage();
    await page.goto("/support");
    await expect(page.getByRole("heading", { name: "Send us a message" })).toBeVisible();
    await expect(page.getByText("Loading your support conversations…")).toHaveCount(0);
    await expect(page.locator("astro-island")).toHaveCount(0);
    await fillIn(page, typed);
    await page.getByRole("button", { name: "Send message" }).click();

    await expect(page).toHaveURL(/\/contact\/sent\/?$/);
    expect(inboxRows(dataDir(), typed.Message)).toHaveLength(1);
    // The island's own copy of the form is for pages without one; this page never asks for it.
    expect(formChunks).toEqual([]);
    expect(islandChunks).toEqual([]);
  });
});

test.describe("Contact Form on /contact", () => {
  test("a message lands in the inbox exactly once and the visitor is told it was sent", async ({
    page,
  }) => {
    const typed = uniqueMessage();
    await page.goto("/contact");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact us");
    await fillIn(page, typed);
    await page.getByRole("button", { name: "Send message" }).click();

    await expect(page).toHaveURL(/\/contact\/sent\/?$/);
    await expect(page.getByRole("status")).toHaveText(
      "Your message was sent. We will reply by email.",
    );
    expect(inboxRows(dataDir(), typed.Message)).toEqual([
      {
        name: typed.Name,
        email: typed.Email,
        subject: typed.Subject,
        message: typed.Message,
        source: "/contact",
      },
    ]);

    // Sending the very same message again (a resubmit, a back-and-retry) is the same message.
    await page.goto("/contact");
    await fillIn(page, typed);
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page).toHaveURL(/\/contact\/sent\/?$/);
    expect(inboxRows(dataDir(), typed.Message)).toHaveLength(1);

    // The site owner sees it, escaped, in the stand-in inbox.
    await page.goto("/helpdesky-standin/inbox");
    await expect(page.getByText(typed.Message)).toBeVisible();
  });

  test("a bot that fills the hidden field is refused, and a person who did still has their text", async ({
    page,
  }) => {
    const typed = uniqueMessage();
    await page.goto("/contact");
    await fillIn(page, typed);
    await page
      .locator('input[name="website"]')
      .evaluate((input: HTMLInputElement) => (input.value = "https://spam.example"));
    await page.getByRole("button", { name: "Send message" }).click();

    await expect(page.getByRole("alert")).toContainText("not sent because it looked automated");
    await expectKept(page, typed);
    expect(inboxRows(dataDir(), typed.Message)).toEqual([]);
  });
});

// The same server-rendered form on both pages: a failed post renders it again at /contact/send,
// keeping what was typed and the page the visitor wrote from.
for (const path of ["/contact", "/support"]) {
  test(`a validation error on ${path} keeps every typed value, says what to fix, and the fixed message is sent from ${path}`, async ({
    page,
  }) => {
    // Chromium accepts `name@host` as an email; the server wants a domain with a dot.
    const typed = uniqueMessage({ Email: "zoe@example" });
    await page.goto(path);
    await fillIn(page, typed);
    await page.getByRole("button", { name: "Send message" }).click();

    await expect(page.getByRole("alert")).toContainText("not sent");
    await expectKept(page, typed);
    const email = page.getByLabel("Email", { exact: true });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/Enter a valid email address/);
    expect(inboxRows(dataDir(), typed.Message)).toEqual([]);

    await email.fill("zoe@example.com");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByRole("status")).toContainText("Your message was sent");
    expect(inboxRows(dataDir(), typed.Message)).toEqual([
      {
        name: typed.Name,
        email: "zoe@example.com",
        subject: typed.Subject,
        message: typed.Message,
        source: path,
      },
    ]);
  });
}

test.describe("Contact Form with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("/support shows its form in place of the Ticket Center, and it sends", async ({ page }) => {
    const typed = uniqueMessage();
    await page.goto("/support");
    await expect(page.getByRole("heading", { name: "Send us a message" })).toBeInViewport();
    await expect(page.getByText("Loading your support conversations…")).toBeHidden();
    await fillIn(page, typed);
    await page.getByRole("button", { name: "Send message" }).click();

    await expect(page).toHaveURL(/\/contact\/sent\/?$/);
    expect(inboxRows(dataDir(), typed.Message)).toEqual([
      {
        name: typed.Name,
        email: typed.Email,
        subject: typed.Subject,
        message: typed.Message,
        source: "/support",
      },
    ]);
  });

  test("a double-clicked submission lands in the inbox once and shows the sent page", async ({
    page,
  }) => {
    const typed = uniqueMessage({ Name: "", Subject: "" });
    await page.goto("/contact");
    await fillIn(page, typed);
    await page.getByRole("button", { name: "Send message" }).dblclick();

    await expect(page).toHaveURL(/\/contact\/sent\/?$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Message sent");
    await expect(page.getByRole("status")).toHaveText(
      "Your message was sent. We will reply by email.",
    );
    expect(inboxRows(dataDir(), typed.Message)).toHaveLength(1);
  });
});

test.describe("Contact Form when delivery fails", () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let server: RunningServer;

  test.beforeAll(async () => {
    receiver = await startWebhookReceiver(500);
    // Production-like: no stand-in, a webhook that answers 500.
    server = await startServer({
      SESSION_SECRET: SHARED_SERVER_ENV.SESSION_SECRET,
      CONTACT_WEBHOOK_URL: receiver.url,
      CONTACT_WEBHOOK_SECRET: WEBHOOK_SECRET,
      SUPPORT_EMAIL: "help@acme.example",
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    await receiver?.stop();
  });

  test("keeps the message, says it was not sent and offers the mailto fallback", async ({
    page,
  }) => {
    const typed = uniqueMessage({ Message: "The dashboard is down & I can't log in." });
    await page.goto(`${server.url}/contact`);
    await fillIn(page, typed);
    await page.getByRole("button", { name: "Send message" }).click();

    await expect(page.getByRole("alert")).toContainText(
      "could not be delivered, so it was not sent",
    );
    await expectKept(page, typed);
    const mailto = page.getByRole("link", { name: "Email it to us instead" });
    await expect(mailto).toHaveAttribute(
      "href",
      "mailto:help@acme.example?subject=Invoice%20question&body=The%20dashboard%20is%20down%20%26%20I%20can%27t%20log%20in.",
    );
    // One attempt and one retry, both signed (Standard Webhooks) and under one webhook-id.
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(receiver.received[0]!.headers["webhook-id"]).toBe(
      receiver.received[1]!.headers["webhook-id"],
    );
    expect(server.output()).toContain(
      "could not be delivered by webhook: the webhook answered HTTP 500",
    );
    expect(server.output()).not.toContain(WEBHOOK_SECRET.slice(6));
  });

  test("the stand-in inbox does not exist outside stand-in mode", async ({ request }) => {
    expect((await request.get(`${server.url}/helpdesky-standin/inbox`)).status()).toBe(404);
  });
});

test.describe("Contact Form with no delivery configured", () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer({
      SESSION_SECRET: SHARED_SERVER_ENV.SESSION_SECRET,
      SUPPORT_EMAIL: "help@acme.example",
    });
  });
  test.afterAll(async () => server?.stop());

  test("says support by form is not set up, offers mailto, and the log names the missing variables", async ({
    page,
  }) => {
    const typed = uniqueMessage();
    await page.goto(`${server.url}/contact`);
    await fillIn(page, typed);
    await page.getByRole("button", { name: "Send message" }).click();

    await expect(page.getByRole("alert")).toContainText(
      "Support by form is not set up yet, so your message was not sent.",
    );
    await expect(page.getByRole("link", { name: "Email it to us instead" })).toHaveAttribute(
      "href",
      /^mailto:help@acme\.example\?subject=Invoice%20question&body=/,
    );
    await expectKept(page, typed);
    expect(server.output()).toContain("could not be delivered: set SMTP_URL and CONTACT_FROM.");
  });
});

test.describe("Contact Form rate limit", () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer({ ...SHARED_SERVER_ENV, CONTACT_RATE_LIMIT: "2" });
  });
  test.afterAll(async () => server?.stop());

  test("the third message in a minute is refused with a wait, and its text is kept", async ({
    page,
  }) => {
    for (let i = 0; i < 2; i += 1) {
      await page.goto(`${server.url}/contact`);
      await fillIn(page, uniqueMessage());
      await page.getByRole("button", { name: "Send message" }).click();
      await expect(page.getByRole("status")).toContainText("Your message was sent");
    }
    const typed = uniqueMessage();
    await page.goto(`${server.url}/contact`);
    await fillIn(page, typed);
    const answer = page.waitForResponse((response) => response.url().endsWith("/contact/send"));
    await page.getByRole("button", { name: "Send message" }).click();

    const response = await answer;
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    await expect(page.getByRole("alert")).toContainText(
      /Your message was not sent: please wait \d+ seconds/,
    );
    await expectKept(page, typed);
    expect(inboxRows(server.dataDir, typed.Message)).toEqual([]);
  });

  test("the JSON API answers 429 with Retry-After", async ({ request }) => {
    const post = () =>
      request.post(`${server.url}/api/contact`, {
        headers: { Origin: server.url },
        data: { email: "api@example.com", message: `API ${randomUUID()}` },
      });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 3; i += 1) {
      last = await post();
      statuses.push(last.status());
    }
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last!.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await last!.json()).toMatchObject({ error: "rate_limited" });
  });

  test("a visitor cannot choose another bucket with X-Forwarded-For or Forwarded when no proxy is trusted", async ({
    request,
  }) => {
    const post = (headers: Record<string, string> = {}) =>
      request.post(`${server.url}/api/contact`, {
        headers: { Origin: server.url, ...headers },
        data: { email: "api@example.com", message: `API ${randomUUID()}` },
      });
    // Uses up this address's budget (if the tests above have not), then asks for a new one.
    for (let i = 0; i < 2; i += 1) await post();
    const spoofed = await post({
      "X-Forwarded-For": "203.0.113.77",
      Forwarded: "for=203.0.113.78",
    });
    expect(spoofed.status()).toBe(429);
  });
});

test.describe("Contact API", () => {
  for (const method of ["GET", "PUT", "DELETE"]) {
    test(`${method} /api/contact answers 405 with Allow: POST`, async ({ request }) => {
      const response = await request.fetch("/api/contact", {
        method,
        headers: { Origin: process.env.E2E_BASE_URL! },
      });
      expect(response.status()).toBe(405);
      expect(response.headers()["allow"]).toBe("POST");
    });
  }

  test("a body over 64 KB is refused with 413", async ({ request }) => {
    const response = await request.post("/api/contact", {
      headers: { Origin: process.env.E2E_BASE_URL!, "Content-Type": "application/json" },
      data: JSON.stringify({ email: "big@example.com", message: "x".repeat(70 * 1024) }),
    });
    expect(response.status()).toBe(413);
  });

  test("the pages are static and the form routes run in the Vercel function", () => {
    const output = new URL("../../.vercel/output/", import.meta.url);
    for (const file of ["contact/index.html", "contact/sent/index.html"]) {
      expect(existsSync(new URL(`static/${file}`, output)), file).toBe(true);
    }
    const config = JSON.parse(readFileSync(new URL("config.json", output), "utf8")) as {
      routes: Array<{ src?: string; dest?: string; handle?: string }>;
    };
    const filesystem = config.routes.findIndex((route) => route.handle === "filesystem");
    for (const path of ["/api/contact", "/contact/send", "/helpdesky-standin/inbox"]) {
      const route = config.routes
        .slice(filesystem + 1)
        .find((r) => r.src && new RegExp(r.src).test(path));
      expect(route, path).toMatchObject({ dest: "_render" });
    }
  });
});
