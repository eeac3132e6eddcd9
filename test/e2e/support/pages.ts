import { expect, type Page } from "@playwright/test";
import { signIn } from "./session.ts";

/** A page as a visitor sees it, reached by `open`, which resolves false when this build has no such page. */
export interface PageCase {
  name: string;
  open: (page: Page) => Promise<boolean>;
}

async function visit(page: Page, path: string): Promise<boolean> {
  const response = await page.goto(path);
  if (response?.status() === 404) return false;
  await page.waitForLoadState("networkidle");
  return true;
}

/** Signs the page's browser context in through the demo sign-in, as a returning user would be. */
async function signInContext(page: Page) {
  const base = process.env.E2E_BASE_URL!;
  const { cookies } = await signIn(base, "ada@example.com");
  await page.context().addCookies(cookies.map(({ name, value }) => ({ name, value, url: base })));
}

/** Answers the token endpoint with `status` and an error body, whoever asks. */
const tokenAnswers = (page: Page, status: number, error: string) =>
  page.route("**/api/helpdesky-token", (route) =>
    route.fulfill({ status, contentType: "application/json", body: JSON.stringify({ error }) }),
  );

/** The Ticket Center island on /support in each state a visitor can meet it in. */
export const islandCases: PageCase[] = [
  {
    name: "support-loading",
    open: async (page) => {
      // Never answered: the island stays in its loading state. Signed in, as only a signed-in
      // visitor's page asks the token (an anonymous one shows the form at once).
      await signInContext(page);
      await page.route("**/api/helpdesky-token", () => {});
      await page.goto("/support");
      // The island is held back until the token answers: the page's own loading state shows.
      await expect(page.locator("#hdh-ticket-center").getByRole("status")).toBeVisible();
      return true;
    },
  },
  {
    name: "support-ready",
    open: async (page) => {
      await signInContext(page);
      await visit(page, "/support");
      await expect(page.getByText("Signed in as")).toBeVisible();
      return true;
    },
  },
  {
    name: "support-error",
    open: async (page) => {
      await signInContext(page);
      await tokenAnswers(page, 500, "internal");
      await visit(page, "/support");
      await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
      return true;
    },
  },
  {
    name: "support-not-configured",
    open: async (page) => {
      await signInContext(page);
      await tokenAnswers(page, 503, "helpdesky_not_configured");
      await visit(page, "/support");
      await expect(page.getByRole("alert")).toContainText("not configured");
      return true;
    },
  },
  {
    name: "support-script-blocked",
    open: async (page) => {
      await signInContext(page);
      await page.route("**/helpdesky-standin/ticket-center.js", (route) =>
        route.abort("blockedbyclient"),
      );
      await visit(page, "/support");
      await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
      return true;
    },
  },
];

/** Every page of the site in each state a visitor can meet it in, for the a11y and screenshot specs. */
export const pageCases: PageCase[] = [
  { name: "home", open: (page) => visit(page, "/") },
  { name: "pricing", open: (page) => visit(page, "/pricing") },
  { name: "login", open: (page) => visit(page, "/login") },
  {
    name: "login-invalid",
    open: async (page) => {
      await visit(page, "/login");
      await page.getByLabel("Email").fill("ada at example.com");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      return true;
    },
  },
  { name: "support-anonymous", open: (page) => visit(page, "/support") },
  { name: "contact", open: (page) => visit(page, "/contact") },
  {
    name: "contact-send-invalid",
    open: async (page) => {
      // The server-rendered form again at /contact/send, with a notice and a field error.
      await visit(page, "/contact");
      await page.getByLabel("Email", { exact: true }).fill("zoe@example"); // no dot: refused by the server
      await page.getByLabel("Message", { exact: true }).fill("My invoice looks wrong.");
      await page.getByRole("button", { name: "Send message" }).click();
      await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute(
        "aria-invalid",
        "true",
      );
      return true;
    },
  },
  ...islandCases,
];
