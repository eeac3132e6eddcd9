import { expect, test } from "@playwright/test";

test.describe("marketing pages", () => {
  for (const [path, heading] of [
    ["/", "Ship on Friday. Sleep on Saturday."],
    ["/pricing", "Pricing"],
    ["/contact", "Contact us"],
  ] as const) {
    test(`${path} renders from the production server and downloads no script`, async ({ page }) => {
      const scripts: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(request.url());
      });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(
        page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Support" }),
      ).toHaveAttribute("href", "/support");
      await page.waitForLoadState("networkidle");
      expect(scripts).toEqual([]);
      // The header's inline script (header-session.spec.ts) is the only one.
      expect(await page.locator("script").count()).toBe(1);
    });
  }
});
