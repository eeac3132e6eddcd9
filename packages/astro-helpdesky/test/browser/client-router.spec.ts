import { expect, test, type Page } from "@playwright/test";
import type { RunningServer } from "../scenario.ts";
import { signIn, startClientRouterSite, USER_COOKIE } from "./live-fixture.ts";

// The client-router fixture: every page's layout has <ClientRouter />, so following a link swaps
// the page in place. The Ticket Center must behave as it does across full page loads.

const ADA = "ada@example.com";
const BOB = "bob@example.com";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startClientRouterSite();
});
test.afterAll(async () => {
  await server?.stop();
});

/** Follows a link of the header with the client router, and waits until the new page has loaded. */
async function navigate(page: Page, name: string) {
  const loaded = page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        document.addEventListener("astro:page-load", () => resolve(), { once: true }),
      ),
  );
  await page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
  await loaded;
}

/** Marks the document, so a test can tell that a navigation did not load a new one. */
async function markDocument(page: Page) {
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
}

async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => "__sameDocument" in window)).toBe(true);
}

/** What of the Ticket Center is on the page: Helpdesky's scripts, panels and nodes. */
function onPage(page: Page) {
  return page.evaluate(() => ({
    scripts: document.querySelectorAll("script[data-hdh-island-script]").length,
    containers: document.querySelectorAll("#hdh-ticket-center").length,
    panels: document.querySelectorAll(".fake-helpdesky-panel").length,
    launchers: document.querySelectorAll(".fake-helpdesky-launcher").length,
  }));
}

interface FakeHelpdesky {
  runs: number;
  ticks: number;
  frames: number;
  pings: number;
}

/** What the fake Helpdesky script has done in this document: runs, timer ticks, messages heard. */
function fakeState(page: Page) {
  return page.evaluate(
    () =>
      (window as { __fakeHelpdesky?: FakeHelpdesky }).__fakeHelpdesky ?? {
        runs: 0,
        ticks: 0,
        frames: 0,
        pings: 0,
      },
  );
}

async function ping(page: Page) {
  await page.evaluate(() => window.postMessage("fake-helpdesky-ping", "*"));
}

/** Whether an email appears anywhere in the document: text, attributes, scripts' data. */
function inDocument(page: Page, email: string) {
  return page.evaluate((text) => document.documentElement.outerHTML.includes(text), email);
}

async function expectPanelFor(page: Page, email: string) {
  await expect(page.locator(".fake-helpdesky-panel")).toHaveText(`Conversations of ${email}`);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  expect(await onPage(page)).toEqual({ scripts: 1, containers: 1, panels: 1, launchers: 1 });
  await expect(page.getByText("Loading your support conversations…")).toHaveCount(0);
}

test("navigating to the support page mounts the Ticket Center once, away tears it down, back mounts it with a fresh token", async ({
  page,
}) => {
  await signIn(page, server, ADA);
  const tokenRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/helpdesky-token")
      tokenRequests.push(request.url());
  });
  await page.goto(`${server.origin}/`);
  await markDocument(page);

  await navigate(page, "Support");
  await expectPanelFor(page, ADA);
  expect((await fakeState(page)).runs).toBe(1);
  await ping(page);
  await expect.poll(async () => (await fakeState(page)).pings).toBe(1);
  const requestsOnFirstVisit = tokenRequests.length;
  expect(requestsOnFirstVisit).toBeGreaterThan(0);

  await navigate(page, "Home");
  expect(await onPage(page)).toEqual({ scripts: 0, containers: 0, panels: 0, launchers: 0 });
  expect(await inDocument(page, ADA)).toBe(false);
  // Its timer, its animation and its listener went with it, as with the page on a full load.
  const { ticks, frames } = await fakeState(page);
  await page.waitForTimeout(200);
  await ping(page);
  await page.waitForTimeout(100);
  expect(await fakeState(page)).toMatchObject({ ticks, frames, pings: 1 });

  await navigate(page, "Support");
  await expectPanelFor(page, ADA);
  expect((await fakeState(page)).runs).toBe(2);
  expect(tokenRequests.length).toBeGreaterThan(requestsOnFirstVisit);
  await ping(page);
  await expect.poll(async () => (await fakeState(page)).pings).toBe(2);

  // And again: a second visit's script is torn down as the first one's was.
  await navigate(page, "Contact");
  expect(await onPage(page)).toEqual({ scripts: 0, containers: 0, panels: 0, launchers: 0 });
  const after = await fakeState(page);
  await page.waitForTimeout(200);
  await ping(page);
  await page.waitForTimeout(100);
  expect(await fakeState(page)).toMatchObject({
    ticks: after.ticks,
    frames: after.frames,
    pings: 2,
  });
  await expectSameDocument(page);
});

test("signing out and navigating never shows the previous user's panel; the next user sees only theirs", async ({
  page,
}) => {
  await signIn(page, server, ADA);
  await page.goto(`${server.origin}/support`);
  await markDocument(page);
  await expectPanelFor(page, ADA);

  await navigate(page, "Home");
  // The header's sign-out form: the client router posts it and swaps in the page it redirects to.
  const signedOut = page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        document.addEventListener("astro:page-load", () => resolve(), { once: true }),
      ),
  );
  await page.getByRole("button", { name: "Sign out" }).click();
  await signedOut;
  expect((await page.context().cookies()).some(({ name }) => name === USER_COOKIE)).toBe(false);

  await navigate(page, "Support");
  await expect(page.locator("#hdh-fallback")).toBeVisible();
  await expect(
    page.locator("#hdh-fallback").getByRole("button", { name: "Send message" }),
  ).toBeVisible();
  expect(await onPage(page)).toMatchObject({ scripts: 0, containers: 1, panels: 0, launchers: 0 });
  await expect(page.getByText("Loading your support conversations…")).toHaveCount(0);
  expect(await inDocument(page, ADA)).toBe(false);

  await signIn(page, server, BOB);
  await navigate(page, "Home");
  await navigate(page, "Support");
  await expectPanelFor(page, BOB);
  await expect(page.locator("#hdh-fallback")).toBeHidden();
  expect(await inDocument(page, ADA)).toBe(false);
  await expectSameDocument(page);
});

test("signing out with the Ticket Center's own button on the support page, then navigating back, shows the Contact Form", async ({
  page,
}) => {
  await signIn(page, server, ADA);
  await page.goto(`${server.origin}/support`);
  await markDocument(page);
  await expectPanelFor(page, ADA);
  const signedOut = page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        document.addEventListener("astro:page-load", () => resolve(), { once: true }),
      ),
  );
  await page.locator(".hdh-identity").getByRole("button", { name: "Sign out" }).click();
  await signedOut;
  expect(await onPage(page)).toMatchObject({ scripts: 0, panels: 0, launchers: 0 });

  await navigate(page, "Support");
  await expect(page.locator("#hdh-fallback")).toBeVisible();
  await expect(page.getByText("Loading your support conversations…")).toHaveCount(0);
  expect(await onPage(page)).toMatchObject({ scripts: 0, containers: 1, panels: 0 });
  expect(await inDocument(page, ADA)).toBe(false);
  await expectSameDocument(page);
});

test("leaving the support page before the island has loaded ends what the boot module started", async ({
  page,
}) => {
  await signIn(page, server, ADA);
  await page.goto(`${server.origin}/`);
  await markDocument(page);
  // React's renderer held back: the boot module shows the panel, the island is not there yet.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/client\.[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await navigate(page, "Support");
  await expect(page.locator(".fake-helpdesky-panel")).toHaveText(`Conversations of ${ADA}`);
  await expect(page.getByText(`Signed in as ${ADA}`)).toHaveCount(0);

  await navigate(page, "Home");
  expect(await onPage(page)).toEqual({ scripts: 0, containers: 0, panels: 0, launchers: 0 });
  const { ticks } = await fakeState(page);
  await page.waitForTimeout(200);
  expect((await fakeState(page)).ticks).toBe(ticks);

  release();
  await signIn(page, server, BOB);
  await navigate(page, "Support");
  await expectPanelFor(page, BOB);
  expect(await inDocument(page, ADA)).toBe(false);
  await expectSameDocument(page);
});

test("a Ticket Center island kept with transition:persist re-checks who is signed in on every navigation", async ({
  page,
}) => {
  await signIn(page, server, ADA);
  await page.goto(`${server.origin}/persist-a`);
  await markDocument(page);
  await expectPanelFor(page, ADA);

  await navigate(page, "Persisted B");
  await expectPanelFor(page, ADA);

  // Signed out without a form the island sees (a session that ended on the server, say).
  await page.context().clearCookies({ name: USER_COOKIE });
  await navigate(page, "Persisted A");
  await expect(page.locator(".hdh-fallback")).toBeVisible();
  expect(await onPage(page)).toMatchObject({ scripts: 0, panels: 0, launchers: 0 });
  expect(await inDocument(page, ADA)).toBe(false);

  await signIn(page, server, BOB);
  await navigate(page, "Persisted B");
  await expectPanelFor(page, BOB);
  expect(await inDocument(page, ADA)).toBe(false);
  await expectSameDocument(page);
});

test("the Contact Form island works after every navigation to its page", async ({ page }) => {
  await page.goto(`${server.origin}/`);
  await markDocument(page);
  for (const visit of [1, 2]) {
    await navigate(page, "Contact");
    const form = page.locator("main form");
    await form.getByLabel("Name").fill(`Visitor ${visit}`);
    await form.getByLabel("Email").fill("visitor@example.com");
    await form.getByLabel("Subject").fill("A question");
    await form.getByLabel("Message").fill("Does the form still answer after a navigation?");
    await form.getByRole("button", { name: "Send message" }).click();
    // Answered in place by the island (a notice above the form), not by a page the form posted to.
    await expect(page.locator("main").getByRole("alert")).toBeVisible();
    await expect(page).toHaveURL(`${server.origin}/contact`);
    await navigate(page, "Home");
  }
  await expectSameDocument(page);
});
