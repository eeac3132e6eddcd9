import AxeBuilder from "@axe-core/playwright";
import { JSDOM } from "jsdom";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { idProblems, launchChromium } from "./chromium-page.ts";
import { buildScenario, type RunningServer, type Scenario } from "./scenario.ts";

// More than one component on a page (test/fixtures/multi-form): a Contact Form beside the Ticket
// Center, two Contact Forms, and the Ticket Center on two pages. Each id once, each label tied to
// its own form's field, one Helpdesky script, and nothing axe can fault.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PAGES = ["/support", "/two-forms", "/help"];

let site: Scenario;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildScenario("multi-form");
  [server, browser] = await Promise.all([site.start(), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
  site?.clean();
});

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target) }));
}

async function withPage<T>(signedIn: boolean, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  if (signedIn)
    await context.addCookies([
      { name: "fixture_user", value: "ada@example.com", url: server.origin },
    ]);
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

describe("more than one component on a page", { timeout: 60_000 }, () => {
  test.each(PAGES)("%s as built: every id once, every label tied (JavaScript off)", (path) => {
    const { document } = new JSDOM(site.page(path)).window;
    const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const label of document.querySelectorAll("label")) {
      const field = document.getElementById(label.htmlFor);
      expect(field, label.htmlFor).not.toBeNull();
      expect(field!.closest("form")).toBe(label.closest("form"));
    }
  });

  test("an English site's pages of Contact Forms carry no script", () => {
    expect(site.page("/two-forms")).not.toMatch(/<script/);
  });

  test("a form's own messages prop words that form only, and its browser checks", () => {
    const { document } = new JSDOM(site.page("/support")).window;
    const buttons = [...document.querySelectorAll("form.contact-form button")];
    expect(buttons.map((button) => button.textContent?.trim())).toEqual([
      "Send message",
      "Write to sales",
    ]);
    const sales = document.querySelector('form[action="/sales/send"] input[name=email]');
    expect(sales?.getAttribute("data-hdh-missing")).toBe("Enter your email address.");
    expect(document.querySelector("#hdh-fallback input[name=email][data-hdh-missing]")).toBeNull();
  });

  test.each(PAGES)("%s, anonymous: ids unique, labels tied, axe clean", async (path) => {
    await withPage(false, async (page) => {
      await page.goto(`${server.origin}${path}`);
      if (path !== "/two-forms") await page.locator("#hdh-fallback form").waitFor();
      expect(await page.locator("form.contact-form").count()).toBe(path === "/help" ? 1 : 2);
      expect(await idProblems(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  test("signed in on two pages: one Helpdesky script and one panel on each, the page's own form beside it", async () => {
    await withPage(true, async (page) => {
      for (const path of ["/support", "/help"]) {
        await page.goto(`${server.origin}${path}`);
        await page.locator(".hdh-identity").waitFor();
        await expect.poll(() => page.locator('script[src*="ticket-center.js"]').count()).toBe(1);
        expect(await page.locator("#hdh-ticket-center").count()).toBe(1);
        expect(await page.locator("form.contact-form:visible").count()).toBe(
          path === "/support" ? 1 : 0,
        );
        expect(await idProblems(page)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
      }
    });
  });
});
