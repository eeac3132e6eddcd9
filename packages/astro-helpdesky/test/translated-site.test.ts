import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { germanMessages } from "./fixtures/german/messages.mjs";
import { launchChromium, visibleTexts } from "./chromium-page.ts";
import { buildScenario, type RunningServer, type Scenario } from "./scenario.ts";
import { writtenIn } from "./visible-language.ts";

// A German site (test/fixtures/german): every text of the components comes from its `messages`
// option, so every text a visitor reads is German, with JavaScript and without.

const EMAIL = "ada@example.com";
const german = writtenIn(germanMessages, [EMAIL]);
const { contactForm, ticketCenter } = germanMessages;
// The sign-in link sits where the German sentence puts it, before its comma.
const INTRO =
  "Kein Konto nötig: Wir antworten per E-Mail. Sie haben ein Konto? Melden Sie sich an, um Ihre Support-Anfragen zu öffnen.";

let site: Scenario;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildScenario("german");
  [server, browser] = await Promise.all([site.start(), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
  site?.clean();
});

/** The texts under `root` that are not German: none, on a translated page. */
async function notGerman(page: Page, root = "main"): Promise<string[]> {
  const texts = await visibleTexts(page, root);
  expect(texts.length).toBeGreaterThan(0);
  return texts.filter((text) => !german(text));
}

async function withContext<T>(
  options: { javaScriptEnabled: boolean; signedIn?: boolean },
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled });
  if (options.signedIn)
    await context.addCookies([{ name: "fixture_user", value: EMAIL, url: server.origin }]);
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

describe("a German site, JavaScript on", { timeout: 30_000 }, () => {
  test("anonymous: the fallback and its form in German, and the browser's own field checks too", async () => {
    await withContext({ javaScriptEnabled: true }, async (page) => {
      await page.goto(`${server.origin}/support`);
      await page.locator("#hdh-fallback").waitFor();
      expect(await notGerman(page)).toEqual([]);
      expect(await page.locator("#hdh-fallback > p").innerText()).toBe(INTRO);
      // The server-rendered form keeps the browser's checks; their bubbles speak German too.
      const email = page.locator("#hdh-fallback input[name=email]");
      await page.locator("#hdh-fallback button[type=submit]").click();
      expect(await email.evaluate((field: HTMLInputElement) => field.validationMessage)).toBe(
        contactForm.errors.emailMissing,
      );
      await email.fill("ada");
      await page.locator("#hdh-fallback button[type=submit]").click();
      expect(await email.evaluate((field: HTMLInputElement) => field.validationMessage)).toBe(
        contactForm.errors.emailInvalid,
      );
    });
  });

  test("loading, then a failure with its retry button, in German", async () => {
    await withContext({ javaScriptEnabled: true }, async (page) => {
      let answer!: () => void;
      const held = new Promise<void>((resolve) => (answer = resolve));
      await page.route("**/api/helpdesky-token", async (route) => {
        await held;
        await route.fulfill({ status: 500, contentType: "application/json", body: "{}" });
      });
      await page.goto(`${server.origin}/support`);
      await expect
        .poll(() => page.locator(".hdh-loading-status").textContent())
        .toBe(ticketCenter.loading);
      answer();
      await page.locator(".hdh-problem").waitFor();
      expect(await page.locator(".hdh-problem").innerText()).toContain(ticketCenter.tryAgain);
      expect(await notGerman(page)).toEqual([]);
    });
  });

  test("a second island on the page says, in German, that the Ticket Center is open already", async () => {
    // Signed in: for an anonymous visitor, who gets the page's form, neither island comes in.
    await withContext({ javaScriptEnabled: true, signedIn: true }, async (page) => {
      await page.goto(`${server.origin}/doppelt`);
      await expect
        .poll(() => page.locator(".hdh-duplicate").innerText())
        .toBe(ticketCenter.alreadyOpen);
      expect(await notGerman(page, ".hdh-duplicate")).toEqual([]);
    });
  });

  test("signed in: the identity bar in German", async () => {
    await withContext({ javaScriptEnabled: true, signedIn: true }, async (page) => {
      await page.goto(`${server.origin}/support`);
      await page.locator(".hdh-identity").waitFor();
      // The panel itself is Helpdesky's (here its stand-in's), not the package's to word.
      expect(await notGerman(page, ".hdh-identity")).toEqual([]);
      expect(await page.locator(".hdh-identity").innerText()).toContain(ticketCenter.signOut);
    });
  });

  test("the island's own form: its checks, and the server's answer, in German", async () => {
    await withContext({ javaScriptEnabled: true }, async (page) => {
      await page.goto(`${server.origin}/ohne-formular`);
      const form = page.locator(".hdh-fallback form");
      await form.waitFor();
      expect(await notGerman(page)).toEqual([]);
      expect(await page.locator(".hdh-fallback > p").innerText()).toBe(INTRO);
      await form.locator("button[type=submit]").click();
      await expect
        .poll(() => form.locator(".contact-error").allInnerTexts())
        .toEqual([contactForm.errors.emailMissing, contactForm.errors.messageMissing]);
      expect(await notGerman(page)).toEqual([]);
      // A filled honeypot: refused by the server, whose notice comes in the site's words.
      await form.locator("input[name=email]").fill(EMAIL);
      await form.locator("textarea[name=message]").fill("Hallo");
      await form.locator("input[name=website]").fill("x", { force: true });
      await form.locator("button[type=submit]").click();
      await expect
        .poll(() => form.locator("[role=alert]").innerText())
        .toBe(contactForm.notices.honeypot);
      expect(await notGerman(page)).toEqual([]);
      // Past the bot threshold, and without the honeypot: sent, and confirmed in German.
      await form.locator("input[name=website]").fill("", { force: true });
      await page.waitForTimeout(2_100);
      await form.locator("button[type=submit]").click();
      const sent = page.locator(".contact-notice-success");
      await expect.poll(() => sent.innerText()).toBe(contactForm.notices.sent);
      expect(await page.getByRole("button", { name: contactForm.writeAnother }).count()).toBe(1);
      expect(await notGerman(page)).toEqual([]);
    });
  });
});

describe("a German site, JavaScript off", { timeout: 30_000 }, () => {
  test("the notice and the server-rendered form in German; a refused post comes back in German", async () => {
    await withContext({ javaScriptEnabled: false }, async (page) => {
      await page.goto(`${server.origin}/support`);
      expect(await page.locator(".hdh-noscript").innerText()).toContain(ticketCenter.noscript);
      // Numbers in the site's language too.
      expect(await page.locator("#hdh-fallback .contact-hint").allInnerTexts()).toContain(
        "Bis zu 5.000 Zeichen.",
      );
      expect(await notGerman(page)).toEqual([]);
      const form = page.locator("#hdh-fallback form");
      await form.locator("input[name=email]").fill(EMAIL);
      await form.locator("textarea[name=message]").fill("Hallo");
      // A control character: the browser lets it through, the server's check refuses it.
      await form.locator("input[name=name]").fill("Ada\u0007");
      await form.locator("button[type=submit]").click();
      await page.waitForURL("**/contact/send");
      expect(await page.locator("[role=alert]").innerText()).toBe(contactForm.notices.invalid);
      expect(await page.locator(".contact-error").innerText()).toBe(
        "Ihr Name darf keine Steuerzeichen enthalten.",
      );
      expect(await notGerman(page)).toEqual([]);
    });
  });
});
