import { expect, type Page } from "@playwright/test";

/** A page as a visitor sees it, reached by `open`; `null` when this build does not have it. */
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

/** Every page of the site in the states a visitor can meet it in, for the a11y and screenshot specs. */
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
];
