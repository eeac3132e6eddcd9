import { expect, test, type Page } from "@playwright/test";
import { SESSION_STATE_SCRIPT } from "../../src/components/session-state-script.ts";
import { forgeSessionCookie } from "./support/session.ts";

// The header of every page, static ones included, says whether someone is signed in, from a
// cookie that names nobody.

const STATIC_PAGES = ["/", "/pricing", "/contact", "/support"];

function header(page: Page) {
  return page.getByRole("banner");
}

async function expectSignedIn(page: Page) {
  await expect(header(page).getByRole("link", { name: "Account" })).toBeVisible();
  await expect(header(page).getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeHidden();
}

async function expectSignedOut(page: Page) {
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header(page).getByRole("link", { name: "Account" })).toBeHidden();
  await expect(header(page).getByRole("button", { name: "Sign out" })).toBeHidden();
}

async function signInThroughTheForm(page: Page, email = "ada@example.com") {
  await page.goto("/login?next=/pricing");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/pricing$/);
}

test.describe("the header knows who is signed in", () => {
  test("anonymous on every page, signed in after sign-in, anonymous again after the header's Sign out", async ({
    page,
  }) => {
    for (const path of STATIC_PAGES) {
      await page.goto(path);
      await expectSignedOut(page);
    }
    await signInThroughTheForm(page);
    for (const path of STATIC_PAGES) {
      await page.goto(path);
      await expectSignedIn(page);
    }
    await header(page).getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("You are signed out.");
    await expectSignedOut(page);
    await page.goto("/");
    await expectSignedOut(page);
  });

  test("the hint names nobody and ends with the session", async ({ page, context }) => {
    await signInThroughTheForm(page, "grace@example.com");
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === "demo_session");
    const hint = cookies.find((cookie) => cookie.name === "signed_in");
    expect(hint?.value).toBe("1");
    expect(Math.abs(hint!.expires - session!.expires)).toBeLessThan(5);
    // What a page script can read holds no identity.
    const readable = await page.evaluate(() => document.cookie);
    expect(readable).toBe("signed_in=1");
  });

  test("a sign-out in another tab shows in this one", async ({ context }) => {
    const first = await context.newPage();
    await signInThroughTheForm(first);
    await first.goto("/");
    await expectSignedIn(first);

    const second = await context.newPage();
    await second.goto("/login");
    await second.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(second.getByRole("main").getByRole("status")).toHaveText("You are signed out.");

    await first.bringToFront();
    await expectSignedOut(first);
  });

  test("a session the server no longer honours clears the hint on the next on-demand request", async ({
    page,
    context,
  }) => {
    const base = process.env.E2E_BASE_URL!;
    // Sealed with another key: to this server, nobody is signed in.
    const [name, value] = forgeSessionCookie(
      "ada@example.com",
      Math.floor(Date.now() / 1000) + 3600,
      "a-key-this-server-never-had",
    ).split("=");
    await context.addCookies([
      { name: name!, value: value!, url: base },
      { name: "signed_in", value: "1", url: base },
    ]);
    await page.goto("/pricing");
    await expectSignedIn(page);
    // /support asks the token endpoint, which answers 401 and clears the hint.
    await page.goto("/support");
    await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
    await expectSignedOut(page);
    await page.goto("/pricing");
    await expectSignedOut(page);
  });

  test("without JavaScript the header does not claim either way", async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      baseURL: process.env.E2E_BASE_URL,
    });
    const page = await context.newPage();
    await page.goto("/pricing");
    await expect(header(page).getByRole("link", { name: "Account" })).toHaveAttribute(
      "href",
      "/login",
    );
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeHidden();
    await expect(header(page).getByRole("button", { name: "Sign out" })).toBeHidden();
    await context.close();
  });

  test("the static pages carry one tiny inline script, allowed by the policy's hash", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ["/", "/pricing", "/contact"]) {
      await page.goto(path);
      const inline = await page.locator("script:not([src])").allTextContents();
      expect(inline).toEqual([SESSION_STATE_SCRIPT]);
      expect(Buffer.byteLength(SESSION_STATE_SCRIPT)).toBeLessThanOrEqual(512);
      await expect(page.locator("html")).toHaveAttribute("data-session", "out");
    }
    expect(violations).toEqual([]);
  });
});
