import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { SHARED_SERVER_ENV } from "./global-setup.ts";
import { startServer, type RunningServer } from "./support/server.ts";
import { header, startSmtpServer, textBody, type TestSmtpServer } from "./support/smtp-server.ts";

// The production build delivering by email: a server of its own with SMTP_URL pointed at an SMTP
// server this spec runs on 127.0.0.1, as a deployment would point it at its provider.
test.describe.configure({ timeout: 120_000 });

let smtp: TestSmtpServer;
let server: RunningServer;

test.beforeAll(async () => {
  smtp = await startSmtpServer("accept");
  // Stand-in mode too, so /support treats visitors as anonymous; email still wins over its inbox.
  server = await startServer({
    ...SHARED_SERVER_ENV,
    SMTP_URL: smtp.url,
    CONTACT_FROM: "Acme Cloud <contact@acme.example>",
    SUPPORT_EMAIL: "help@acme.example",
  });
});
test.afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

/** The mails whose body holds this exact message. */
const mailsWith = (message: string) =>
  smtp.received.filter((mail) => textBody(mail.raw).includes(message));

async function send(page: Page, message: string) {
  await page.getByLabel("Name", { exact: true }).fill("Zoë Ångström");
  await page.getByLabel("Email", { exact: true }).fill("zoe@example.com");
  await page.getByLabel("Subject", { exact: true }).fill("Invoice question");
  await page.getByLabel("Message", { exact: true }).fill(message);
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page).toHaveURL(/\/contact\/sent\/?$/);
  await expect(page.getByRole("status")).toHaveText(
    "Your message was sent. We will reply by email.",
  );
}

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("/contact sends one email to the support address, and the visitor sees it was sent", async ({
    page,
  }) => {
    const message = `My invoice looks wrong ${randomUUID()} — can you check?`;
    await page.goto(`${server.url}/contact`);
    await send(page, message);

    const mails = mailsWith(message);
    expect(mails).toHaveLength(1);
    const [{ envelope, raw }] = mails as [(typeof mails)[0]];
    expect(envelope).toEqual({ from: "contact@acme.example", to: ["help@acme.example"] });
    expect(header(raw, "From")).toBe("Acme Cloud Contact Form <contact@acme.example>");
    expect(header(raw, "Reply-To")).toBe("Zoë Ångström <zoe@example.com>");
    expect(header(raw, "Subject")).toBe("Contact form: Invoice question");
    expect(header(raw, "Message-ID")).toMatch(/^<contact-d-[0-9a-f]{40}@acme\.example>$/);
    expect(textBody(raw)).toContain("Page:    /contact");
  });
});

test("/support sends an anonymous visitor's message as one email, and says it was sent", async ({
  page,
}) => {
  const message = `The dashboard is down ${randomUUID()} & I can't log in.`;
  await page.goto(`${server.url}/support`);
  await expect(page.getByRole("heading", { name: "Send us a message" })).toBeVisible();
  await send(page, message);

  const mails = mailsWith(message);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.envelope.to).toEqual(["help@acme.example"]);
  expect(textBody(mails[0]!.raw)).toContain("Page:    /support");
  expect(server.output()).not.toContain("could not be delivered");
});
