import { expect, test, type Page } from "@playwright/test";
import { pageCases } from "./support/pages.ts";

// The Ticket Center's reserved height keeps /support still while the island moves through its
// states: cumulative layout shift stays under 0.05 ("good" is 0.1) on a phone and a laptop.
async function recordLayoutShift(page: Page) {
  await page.addInitScript(() => {
    const scope = window as unknown as { cls: number };
    scope.cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) scope.cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test.describe(`layout shift at ${viewport.width} px`, () => {
    test.use({ viewport });
    for (const { name, open } of pageCases.filter(
      ({ name }) => name.startsWith("support-") && name !== "support-loading",
    )) {
      test(`${name} stays under 0.05`, async ({ page }) => {
        await recordLayoutShift(page);
        await open(page);
        const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
        expect(cls).toBeLessThan(0.05);
      });
    }

    // The boot module shows an anonymous visitor's Contact Form without React, which then never
    // loads: the form must stay where it first showed, and where the island does mount (the boot
    // module's chunk blocked: the page lets it in once loaded), the form must not move for it.
    const BOOT_CHUNK = /\/_astro\/TicketCenter\.astro_astro_type_script[^/]*\.js$/;
    for (const [situation, blockBoot] of [
      ["from first paint, React never loading", false],
      ["when the island mounts after it (the boot module's chunk blocked)", true],
    ] as const) {
      test(`support-anonymous: the Contact Form does not move ${situation}`, async ({ page }) => {
        await recordLayoutShift(page);
        if (blockBoot) await page.route(BOOT_CHUNK, (route) => route.abort());
        const react: string[] = [];
        page.on("request", (request) => {
          if (/\/_astro\/(client|react|TicketCenterIsland)\./.test(request.url()))
            react.push(request.url());
        });
        await page.goto("/support");
        await expect(page.getByRole("heading", { name: "Send us a message" })).toBeVisible();
        if (blockBoot) await expect(page.locator(".hdh-island")).toBeAttached();
        else {
          await page.waitForLoadState("load");
          expect(react).toEqual([]);
        }
        await expect(page.locator(".hdh-identity-slot")).toHaveCount(0);
        // A form moved by one line of spacing scores about 0.01 here; allow sub-pixel rounding only.
        const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
        expect(cls).toBeLessThan(0.001);
      });
    }
  });
}
