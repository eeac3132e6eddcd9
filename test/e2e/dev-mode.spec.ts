import { expect, test, type Browser, type Page } from "@playwright/test";
import { startDevServer } from "./support/dev-server.ts";
import type { RunningServer } from "./support/server.ts";

// The README's first command, `npm run dev`, as a newcomer meets it: styled pages like the
// production build's, no Content Security Policy in the way, the stand-in Ticket Center after
// the demo sign-in, and a header that knows who is signed in.

// `astro dev` compiles each module on first request: slower than the production build, the more so
// on a loaded two-core machine.
test.describe.configure({ mode: "serial", timeout: 120_000 });

let dev: RunningServer;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  dev = await startDevServer();
});
test.afterAll(() => dev?.stop());

/** Console errors and warnings a page logs, but for the token endpoint's contractual 401. */
function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error" && message.type() !== "warning") return;
    if (
      /status of 401/.test(message.text()) &&
      message.location().url.includes("/api/helpdesky-token")
    )
      return;
    // Anonymous visitors download the preloaded script and never run it (README, Troubleshooting);
    // Chromium says so when a busy machine keeps the page open a few seconds past its load.
    if (/ticket-center\.js was preloaded using link preload but not used/.test(message.text()))
      return;
    messages.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
  return messages;
}

const STYLE_PROPERTIES = [
  "font-family",
  "font-size",
  "color",
  "background-color",
  "border-top-width",
  "border-radius",
  "padding-left",
  "display",
];

/** The computed styles a visitor sees of the header, a button and the Contact Form's parts. */
async function stylesOf(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${url}/contact`);
  const styles = await page.evaluate((properties) => {
    const pick = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) return `missing: ${selector}`;
      const style = getComputedStyle(element);
      return Object.fromEntries(properties.map((name) => [name, style.getPropertyValue(name)]));
    };
    return {
      body: pick("body"),
      header: pick(".site-header"),
      nav: pick("header nav ul"),
      headerLink: pick("header nav a"),
      submit: pick("main form button[type=submit]"),
      field: pick("main form input[name=email]"),
      label: pick("main form label"),
    };
  }, STYLE_PROPERTIES);
  await page.close();
  return styles;
}

test("pages look as in the production build", async ({ browser }) => {
  const inDev = await stylesOf(browser, dev.url);
  const inProduction = await stylesOf(browser, process.env.E2E_BASE_URL!);
  expect(inDev).toEqual(inProduction);
  // And they are styled at all: not the browser's defaults.
  expect(inDev.nav).toMatchObject({ display: "flex" });
  expect(inDev.body).toMatchObject({ "font-family": expect.stringContaining("system-ui") });
});

test("no page logs a policy violation or an error", async ({ page }) => {
  const messages = watchConsole(page);
  for (const path of ["/", "/pricing", "/contact", "/login", "/support"]) {
    await page.goto(`${dev.url}${path}`);
    await page.waitForLoadState("networkidle");
  }
  // The dev toolbar renders its buttons when its styles and scripts are allowed.
  await expect(page.locator("astro-dev-toolbar")).toHaveCount(1);
  expect(messages).toEqual([]);
});

test("sign-in leads to the stand-in Ticket Center, and the header follows", async ({ page }) => {
  const messages = watchConsole(page);
  await page.goto(`${dev.url}/`);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto(`${dev.url}/login?next=/support`);
  await page.getByLabel("Email").fill("ann@example.com");
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/support$/);
  const panel = page.getByRole("region", { name: /Ticket Center \(local Helpdesky stand-in\)/ });
  await expect(panel.getByText("Signed in to Helpdesky as ann@example.com.")).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText("Loading your support conversations…")).toBeHidden({
    timeout: 30_000,
  });
  await expect(page.getByRole("banner").getByRole("link", { name: "Account" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeHidden();

  await page.goto(`${dev.url}/pricing`);
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You are signed out.");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(messages).toEqual([]);
});

test("starting prints no warning", () => {
  expect(dev.output()).not.toMatch(/\[WARN\]|\[ERROR\]/);
});
