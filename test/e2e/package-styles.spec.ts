import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session.ts";

// astro-helpdesky ships its own look in the `helpdesky` cascade layer. A site's unlayered rules win
// over it, so it must not depend on what a typical reset takes away (margins, fonts), and a site
// must be able to restyle it with a plain element rule or a --hdh-* property.

/** A modern reset as sites carry it, unlayered: Josh Comeau's rules with modern-normalize's form fixes. */
const MODERN_RESET = `
  *, *::before, *::after { box-sizing: border-box; }
  * { margin: 0; }
  body { line-height: 1.5; }
  input, button, textarea, select { font: inherit; }
  button, input, textarea { font-size: 100%; line-height: 1.15; margin: 0; }
  p, h1, h2, h3 { overflow-wrap: break-word; }
`;

/** A reset that strips every element (Eric Meyer's kind), placed in a layer below Helpdesky's as the README says. */
const LAYERED_STRIP_RESET = `
  @layer reset;
  @layer reset {
    div, span, h1, h2, h3, p, a, strong, form, label, section, header, footer, nav, main, ul, li {
      margin: 0; padding: 0; border: 0; font: inherit; vertical-align: baseline;
    }
  }
`;

/**
 * Serves `path` with `css` in its head: first, as a site's reset comes, or last, as a site's own
 * rules after the reset and the theme.
 */
async function openWithCss(
  page: Page,
  path: string,
  css: string,
  where: "first" | "last" = "first",
) {
  await page.route(`**${path}`, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const body =
      where === "first"
        ? html.replace("<head>", `<head><style>${css}</style>`)
        : html.replace("</head>", `<style>${css}</style></head>`);
    await route.fulfill({ response, body });
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}

/** The computed look of the first element matching `selector`. */
function lookOf(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        background: style.backgroundColor,
        color: style.color,
        border: style.borderTopWidth,
        borderLeft: style.borderLeftWidth,
        radius: style.borderTopLeftRadius,
        padding: `${style.paddingTop} ${style.paddingLeft}`,
        weight: style.fontWeight,
        height: Math.round(box.height),
      };
    });
}

/** The vertical space between the bottom of `upper` and the top of `lower`. */
function spaceBetween(page: Page, upper: string, lower: string) {
  return page.evaluate(
    ([a, b]) =>
      Math.round(
        document.querySelector(b!)!.getBoundingClientRect().top -
          document.querySelector(a!)!.getBoundingClientRect().bottom,
      ),
    [upper, lower],
  );
}

const ACCENT = "rgb(31, 79, 209)"; // the site's --accent, light scheme
test.use({ bypassCSP: true, colorScheme: "light", viewport: { width: 1280, height: 900 } });

for (const [name, css] of [
  ["a modern unlayered reset", MODERN_RESET],
  ["an element-stripping reset in a layer below helpdesky", LAYERED_STRIP_RESET],
] as const) {
  test.describe(`under ${name}`, () => {
    test("the Contact Form keeps its fields, spacing, notice and button", async ({ page }) => {
      await openWithCss(page, "/contact", css);
      expect(await lookOf(page, "main form .hdh-button")).toMatchObject({
        background: ACCENT,
        color: "rgb(255, 255, 255)",
        radius: "10px",
        padding: "0px 20px",
        height: 44,
      });
      expect(await lookOf(page, "#contact-email")).toMatchObject({
        border: "1px",
        radius: "10px",
        padding: "8px 12px",
        height: 44,
      });
      expect(await lookOf(page, 'label[for="contact-email"]')).toMatchObject({ weight: "600" });
      expect(await spaceBetween(page, "#contact-email-hint", "#contact-email")).toBe(4);
      expect(await spaceBetween(page, "#contact-email", 'label[for="contact-subject"]')).toBe(16);
    });

    test("/support's fallback box keeps its frame and spacing", async ({ page }) => {
      await openWithCss(page, "/support", css);
      await expect(page.getByRole("heading", { name: "Send us a message" })).toBeVisible();
      expect(await lookOf(page, "#hdh-fallback")).toMatchObject({
        border: "1px",
        radius: "10px",
        padding: "16px 20px",
      });
      expect(await lookOf(page, "#hdh-fallback-title")).toMatchObject({ weight: "700" });
      expect(await spaceBetween(page, "#hdh-fallback-title", "#hdh-fallback-title + p")).toBe(8);
      expect(
        await spaceBetween(page, "#hdh-fallback-title + p", "#hdh-fallback .contact-field"),
      ).toBe(16);
    });

    test("the signed-in identity bar keeps its height, frame and secondary button", async ({
      page,
    }) => {
      const base = process.env.E2E_BASE_URL!;
      const { cookies } = await signIn(base, "ada@example.com");
      await page
        .context()
        .addCookies(cookies.map(({ name, value }) => ({ name, value, url: base })));
      await openWithCss(page, "/support", css);
      await expect(page.getByText("Signed in as")).toBeVisible();
      expect(await lookOf(page, ".hdh-identity")).toMatchObject({
        border: "1px",
        padding: "0px 20px",
        height: 72,
      });
      expect(await lookOf(page, ".hdh-identity .hdh-button")).toMatchObject({
        background: "rgba(0, 0, 0, 0)",
        color: ACCENT,
        border: "2px",
        height: 44,
      });
    });
  });
}

test.describe("a site restyles the components without specificity contests", () => {
  test("a plain element rule and a --hdh-* property win over the package's look", async ({
    page,
  }) => {
    await openWithCss(
      page,
      "/contact",
      ":root { --hdh-accent: rgb(0, 100, 0); } button { border-radius: 0; }",
      "last",
    );
    expect(await lookOf(page, "main form .hdh-button")).toMatchObject({
      background: "rgb(0, 100, 0)",
      radius: "0px",
    });
  });

  test("a failure notice keeps its bar under the site's own rules", async ({ page }) => {
    // Signed in: an anonymous visitor's /support asks no token and shows the form.
    const base = process.env.E2E_BASE_URL!;
    const { cookies } = await signIn(base, "ada@example.com");
    await page.context().addCookies(cookies.map(({ name, value }) => ({ name, value, url: base })));
    await page.route("**/api/helpdesky-token", (route) =>
      route.fulfill({ status: 500, contentType: "application/json", body: '{"error":"internal"}' }),
    );
    await openWithCss(page, "/support", MODERN_RESET);
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    expect(await lookOf(page, ".hdh-problem")).toMatchObject({
      borderLeft: "4px",
      padding: "16px 20px",
    });
    expect(await spaceBetween(page, ".hdh-problem p", ".hdh-problem .hdh-button")).toBe(12);
  });
});
