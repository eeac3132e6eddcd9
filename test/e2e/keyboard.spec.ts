import { expect, test, type Page } from "@playwright/test";

/** Presses Tab until the focused control is the one named `name` (its text or its label), and checks its focus ring. */
async function tabTo(page: Page, name: string) {
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const label =
        element instanceof HTMLInputElement
          ? element.labels?.[0]?.textContent
          : element.textContent;
      return { text: (label ?? "").trim(), outline: getComputedStyle(element).outlineStyle };
    });
    if (focused?.text === name) {
      expect(focused.outline, `focus on "${name}" is visible`).not.toBe("none");
      return;
    }
  }
  throw new Error(`Tab never reached "${name}"`);
}

test("keyboard alone signs in, reaches the Ticket Center and signs out", async ({ page }) => {
  test.slow(); // Dozens of key presses, each followed by a look at the focused element.
  await page.goto("/");
  await tabTo(page, "Skip to content");
  await tabTo(page, "Sign in");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/login$/);

  await tabTo(page, "Email");
  await page.keyboard.type("ada@example.com");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/support$/);
  await expect(page.getByText("Signed in as")).toBeVisible();

  await tabTo(page, "Sign out");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("You are signed out.");
});
