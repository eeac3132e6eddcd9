import { expect, test } from "@playwright/test";

test.describe("demo sign-in without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("accepts a non-ASCII address exactly as typed, then signs out", async ({
    page,
    context,
  }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("Zoë@Exämple.com");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/support$/);

    await page.goto("/login");
    await expect(page.getByText("You are signed in as")).toContainText("Zoë@Exämple.com");
    const [session] = (await context.cookies()).filter((cookie) => cookie.name === "demo_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("status")).toHaveText("You are signed out.");
    expect((await context.cookies()).filter((cookie) => cookie.name === "demo_session")).toEqual(
      [],
    );
  });

  test("shows the problem next to the field and keeps what was typed", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("ada at example.com");
    await page.getByRole("button", { name: "Sign in" }).click();
    const field = page.getByLabel("Email");
    await expect(field).toHaveValue("ada at example.com");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(
      "An email address has no spaces or line breaks.",
    );
  });

  test("goes back to a same-site page after sign-in", async ({ page }) => {
    await page.goto("/login?next=/pricing");
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/pricing$/);
  });

  for (const next of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
    test(`never redirects off the site (next=${next})`, async ({ page }) => {
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill("ada@example.com");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/support$/);
    });
  }
});

test("GET /logout does not sign anybody out", async ({ request }) => {
  const response = await request.get("/logout", { maxRedirects: 0 });
  expect(response.status()).toBe(405);
  expect(response.headers()["allow"]).toBe("POST");
});
