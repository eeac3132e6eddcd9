import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { pageCases } from "./support/pages.ts";

// WCAG 2.1 A and AA, every page and state, in both colour schemes (contrast differs per scheme).
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility, ${colorScheme}`, () => {
    test.use({ colorScheme });
    for (const { name, open } of pageCases) {
      test(`${name} has no WCAG 2.1 AA violations`, async ({ page }) => {
        test.slow(); // axe walks the whole page: seconds each on a busy two-core runner.
        test.skip(!(await open(page)), "not in this build");
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const summary = violations.map(({ id, help, nodes }) => ({
          id,
          help,
          targets: nodes.map((node) => node.target.join(" ")),
        }));
        expect(summary).toEqual([]);
      });
    }
  });
}

// WCAG 1.4.10 Reflow: at 320 CSS px nothing may need horizontal scrolling.
test.describe("reflow at 320 px", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const { name, open } of pageCases) {
    test(`${name} fits without horizontal scrolling`, async ({ page }) => {
      test.skip(!(await open(page)), "not in this build");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      );
    });
  }
});
