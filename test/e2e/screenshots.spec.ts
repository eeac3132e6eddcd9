import { test } from "@playwright/test";
import { pageCases } from "./support/pages.ts";

// Full-page screenshots for a person to review: test-results/screenshots/<page>-<width>-<scheme>.png.
// They are not compared with anything; Playwright clears test-results/ at the start of each run.
const DIR = new URL("../../test-results/screenshots/", import.meta.url).pathname;

for (const width of [390, 1280]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`screenshots at ${width} px, ${colorScheme}`, () => {
      test.use({ colorScheme, viewport: { width, height: width < 600 ? 844 : 800 } });
      for (const { name, open } of pageCases) {
        test(name, async ({ page }) => {
          test.skip(!(await open(page)), "not in this build");
          await page.screenshot({
            path: `${DIR}${name}-${width}-${colorScheme}.png`,
            fullPage: true,
          });
        });
      }
    });
  }
}
