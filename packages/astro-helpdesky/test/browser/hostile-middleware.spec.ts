import { expect, test, type Page } from "@playwright/test";
import type { RunningServer } from "../scenario.ts";
import { HOSTILE_COOKIE, setCookie, signIn, startClientRouterSite } from "./live-fixture.ts";

// The site's middleware misbehaves on the token request: it throws, or it takes longer than the
// island waits. The visitor gets the failure state, `Try again` and the Contact Form, never an
// endless loading state; the server logs the cause once, however often the browser asks again.

const ADA = "ada@example.com";

let server: RunningServer;
test.beforeEach(async () => {
  // A server per test: each counts the lines of its own log.
  server = await startClientRouterSite();
});
test.afterEach(async () => {
  await server?.stop();
});

function occurrences(text: string, of: string): number {
  return text.split(of).length - 1;
}

async function expectFailureWithForm(page: Page, message: string) {
  await expect(page.getByRole("alert")).toContainText(message);
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send message" })).toBeVisible();
  await expect(page.getByText("Loading your support conversations…")).toHaveCount(0);
}

test("a middleware that throws: the failure state with Try again and the Contact Form, the cause logged once", async ({
  page,
}) => {
  await signIn(page, server, ADA);
  await setCookie(page, server, HOSTILE_COOKIE, "throw");
  await page.goto(`${server.origin}/support`);
  await expectFailureWithForm(
    page,
    "Something went wrong while opening your support conversations",
  );
  await expect(page.locator("#hdh-fallback")).toBeVisible();

  for (let retry = 0; retry < 3; retry++) {
    await page.getByRole("button", { name: "Try again" }).click();
    await expectFailureWithForm(page, "Something went wrong");
  }
  // A flood of token requests, as a script in a loop would send them.
  const answers = await page.evaluate(() =>
    Promise.all(
      Array.from({ length: 30 }, () =>
        fetch("/api/helpdesky-token").then(async (response) => ({
          status: response.status,
          body: (await response.json().catch(() => null)) as unknown,
          cache: response.headers.get("cache-control"),
        })),
      ),
    ),
  );
  for (const answer of answers)
    expect(answer).toEqual({
      status: 500,
      body: { error: "token_request_failed" },
      cache: "private, no-store",
    });

  await expect.poll(() => occurrences(server.log(), "The session store is unreachable")).toBe(1);
  await page.waitForTimeout(300);
  expect(occurrences(server.log(), "The session store is unreachable")).toBe(1);
  expect(server.log()).not.toContain("hdh_secret_client_router_fixture");
});

test("a middleware slower than the island's timeout: the failure state with Try again and the Contact Form, the cause logged once", async ({
  page,
}) => {
  await signIn(page, server, ADA);
  await setCookie(page, server, HOSTILE_COOKIE, "slow");
  // This page's island waits 1.5 s for the token.
  await page.goto(`${server.origin}/slow-support`);
  await expectFailureWithForm(page, "The support service is taking too long to answer");

  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByText("Loading your support conversations…")).toBeVisible();
  await expectFailureWithForm(page, "taking too long");
  await page.getByRole("button", { name: "Try again" }).click();
  await expectFailureWithForm(page, "taking too long");

  const cause = "did not answer the token request";
  await expect.poll(() => occurrences(server.log(), cause), { timeout: 15_000 }).toBe(1);
  await page.waitForTimeout(500);
  expect(occurrences(server.log(), cause)).toBe(1);
});
