import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { startServer } from "./support/server.ts";

const STANDIN_LABEL = "Local Helpdesky stand-in";
const TOKEN_GLOB = "**/api/helpdesky-token";

/** An email no other test uses: every spec shares the server and its stand-in database. */
function uniqueEmail(name: string): string {
  return `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

async function signIn(page: Page, email: string) {
  await page.goto("/login?next=/support");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/support$/);
}

/** The header's signed-in hint alone (a session the server no longer knows): /support asks the token. */
async function addSignedInHint(page: Page) {
  await page
    .context()
    .addCookies([{ name: "signed_in", value: "1", url: process.env.E2E_BASE_URL! }]);
}

function ticketCenter(page: Page) {
  return page.getByRole("region", { name: /Ticket Center \(local Helpdesky stand-in\)/ });
}

let pageErrors: Error[];

test.beforeEach(({ page }) => {
  pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error));
});

test.afterEach(() => {
  expect(pageErrors, "uncaught errors in the page").toEqual([]);
});

test.describe("/support", () => {
  test("a signed-in user gets the stand-in Ticket Center, and a conversation they start stays", async ({
    page,
  }) => {
    // Several pages and server round trips: give it the time a loaded CI machine needs.
    test.slow();
    const email = uniqueEmail("ada");
    await signIn(page, email);
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    const panel = ticketCenter(page);
    await expect(panel.getByText(STANDIN_LABEL)).toBeVisible();
    await expect(panel.getByText(`Signed in to Helpdesky as ${email}.`)).toBeVisible();
    await expect(panel.getByText("No conversations yet.")).toBeVisible();

    await panel.getByLabel("Subject").fill("My deploy is stuck");
    await panel.getByLabel("Message").fill("It has been queued for an hour.");
    await panel.getByRole("button", { name: "Start conversation" }).click();
    await expect(panel.getByText("Conversation started.")).toBeVisible();

    await page.reload();
    const conversation = ticketCenter(page).locator("details", { hasText: "My deploy is stuck" });
    await expect(conversation).toBeVisible();
    await conversation.locator("summary").click();
    await expect(conversation.getByText("It has been queued for an hour.")).toBeVisible();

    await conversation.getByLabel("Reply").fill("Still stuck.");
    await conversation.getByRole("button", { name: "Send reply" }).click();
    await expect(ticketCenter(page).getByText("Reply sent.")).toBeVisible();
    await page.reload();
    await ticketCenter(page).locator("summary", { hasText: "My deploy is stuck" }).click();
    await expect(ticketCenter(page).getByText("Still stuck.")).toBeVisible();
    await expect(page.locator("script[data-hdh-island-script]")).toHaveCount(1);
  });

  test("another user sees none of the first user's conversations", async ({ page, browser }) => {
    // Several pages and server round trips: give it the time a loaded CI machine needs.
    test.slow();
    const first = uniqueEmail("first");
    await signIn(page, first);
    await ticketCenter(page).getByLabel("Subject").fill("Private matter");
    await ticketCenter(page).getByLabel("Message").fill("Only for me.");
    await ticketCenter(page).getByRole("button", { name: "Start conversation" }).click();
    await expect(ticketCenter(page).getByText("Private matter")).toBeVisible();

    const other = await browser.newPage();
    other.on("pageerror", (error) => pageErrors.push(error));
    await signIn(other, uniqueEmail("second"));
    await expect(ticketCenter(other).getByText("No conversations yet.")).toBeVisible();
    await expect(other.getByText("Private matter")).toHaveCount(0);
    await other.close();
  });

  test("an anonymous visitor gets the sign-in prompt, and Helpdesky's script never runs", async ({
    page,
  }) => {
    // The static page preloads the script for everyone; for an anonymous visitor it stays unused.
    const standinCalls: string[] = [];
    const reactChunks: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/helpdesky-standin/") && path !== "/helpdesky-standin/ticket-center.js")
        standinCalls.push(path);
      if (/^\/_astro\/(client|react|TicketCenterIsland)\./.test(path)) reactChunks.push(path);
    });
    await page.goto("/support");
    const signIn = page.getByRole("main").getByRole("link", { name: "Sign in" });
    await expect(signIn).toBeVisible();
    await expect(signIn).toHaveAttribute("href", "/login?next=/support");
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(page.getByText(STANDIN_LABEL)).toHaveCount(0);
    await expect(page.locator("script[data-hdh-island-script]")).toHaveCount(0);
    expect(standinCalls).toEqual([]);
    // The form takes the panel's place: no room kept above it. The island, which would add
    // nothing the visitor sees, stays held, and React never loads.
    await page.waitForLoadState("load");
    await expect(page.locator("astro-island")).toHaveCount(0);
    expect(reactChunks).toEqual([]);
    await expect(page.getByRole("heading", { name: "Send us a message" })).toBeInViewport();
    // The page's Contact Form is laid out with its styles, its bot trap out of sight.
    await expect(
      page.getByRole("main").getByRole("button", { name: "Send message" }),
    ).toBeEnabled();
    await expect(page.locator(".contact-form")).toHaveCSS("display", "grid");
    await expect(page.getByLabel("Leave this empty")).not.toBeInViewport();
  });

  test("without the signed-in hint the Contact Form shows at first paint, before any module, and no token is asked", async ({
    page,
  }) => {
    const tokenRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/helpdesky-token")
        tokenRequests.push(request.url());
    });
    // Every module of the page held back: what shows comes from the HTML, its styles and the head
    // script alone.
    const held = Promise.withResolvers<void>();
    await page.route(/\/_astro\/.+\.js$/, async (route) => {
      await held.promise;
      await route.continue();
    });
    await page.goto("/support", { waitUntil: "domcontentloaded" });
    const form = page.getByRole("main").getByRole("button", { name: "Send message" });
    await expect(form).toBeVisible();
    await expect(page.getByRole("heading", { name: "Send us a message" })).toBeInViewport();
    await expect(page.locator(".hdh-loading-status")).toBeHidden();
    held.resolve();
    // Once the modules run, the same form stays where it was, and the island stays out.
    await page.waitForLoadState("load");
    await expect(page.locator("#hdh-fallback")).not.toHaveAttribute("hidden");
    await expect(page.locator("astro-island")).toHaveCount(0);
    await expect(form).toBeVisible();
    await expect(page.getByRole("alert")).toHaveCount(0);
    expect(tokenRequests).toEqual([]);
  });

  test("a signed-in hint without a session still ends in the Contact Form, from the token's 401", async ({
    page,
  }) => {
    await addSignedInHint(page);
    const answers: number[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname === "/api/helpdesky-token")
        answers.push(response.status());
    });
    await page.goto("/support");
    await expect(
      page.getByRole("main").getByRole("button", { name: "Send message" }),
    ).toBeVisible();
    // The response event can come after the form shows: wait for it rather than race it.
    await expect.poll(() => answers).toEqual([401]);
  });

  test("an anonymous visitor's token request ends even when it answers after the page took its preload over", async ({
    page,
  }) => {
    // A slow 401: the boot module's fetch takes the preload over while it is still in flight. Its
    // body, unread, would hold the request (and its connection) open for as long as the page lives.
    // The signed-in hint of a session the server no longer knows: so the token is asked. The
    // stand-in's script is an on-demand route here, whose answer would correct the hint before
    // the boot module reads it: blocked, as an anonymous visitor does not need it.
    await addSignedInHint(page);
    await page.route("**/helpdesky-standin/ticket-center.js", (route) => route.abort());
    await page.route(TOKEN_GLOB, async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({ response });
    });
    await page.goto("/support");
    await expect(page.getByRole("heading", { name: "Send us a message" })).toBeVisible();
    await page.waitForLoadState("networkidle", { timeout: 10_000 });
  });

  test("a tampered signature gets the stand-in's authentication error", async ({ page }) => {
    await signIn(page, uniqueEmail("tampered"));
    await page.route(TOKEN_GLOB, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      const flipped = body.signature.replace(/^./, (c: string) => (c === "0" ? "1" : "0"));
      await route.fulfill({ response, json: { ...body, signature: flipped } });
    });
    await page.reload();
    const error = ticketCenter(page).getByRole("alert");
    await expect(error).toContainText("Authentication error");
    await expect(error).toContainText("Verification Tool");
    await expect(ticketCenter(page).getByText("Your conversations")).toHaveCount(0);
  });

  test("when the token endpoint fails: a message, Try again retries, the fallback is below", async ({
    page,
  }) => {
    await signIn(page, uniqueEmail("retry"));
    let failing = true;
    let requests = 0;
    await page.route(TOKEN_GLOB, async (route) => {
      requests++;
      if (failing) await route.fulfill({ status: 500, body: "Internal Server Error" });
      else await route.fallback();
    });
    await page.reload();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Something went wrong");
    const fallback = page.getByRole("main").getByRole("link", { name: "Sign in" });
    await expect(fallback).toBeVisible();
    const [alertBox, fallbackBox] = [await alert.boundingBox(), await fallback.boundingBox()];
    expect(fallbackBox!.y).toBeGreaterThan(alertBox!.y);

    failing = false;
    const before = requests;
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(ticketCenter(page).getByText(STANDIN_LABEL)).toBeVisible();
    expect(requests).toBe(before + 1);
    await expect(page.getByRole("alert")).toHaveCount(0);
  });

  test("Sign out removes the panel here and in the user's other tab", async ({ page, context }) => {
    // Several pages and server round trips: give it the time a loaded CI machine needs.
    test.slow();
    const email = uniqueEmail("leaving");
    await signIn(page, email);
    await expect(ticketCenter(page)).toBeVisible();
    const otherTab = await context.newPage();
    otherTab.on("pageerror", (error) => pageErrors.push(error));
    await otherTab.goto("/support");
    // Signed out as soon as the other tab's panel shows, possibly before its island has hydrated:
    // the boot module's attempt listens from its start, and the island honours what it heard.
    await expect(ticketCenter(otherTab)).toBeVisible();

    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login\?signed-out$/);
    await expect(otherTab.getByText(/You signed out in another tab/)).toBeVisible();
    await expect(ticketCenter(otherTab)).toHaveCount(0);
    await expect(otherTab.getByText(email)).toHaveCount(0);
    expect(
      await otherTab.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.startsWith("hdh")),
      ),
    ).toEqual([]);

    await page.goto("/support");
    await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(ticketCenter(page)).toHaveCount(0);
  });

  test("the token request starts from the page's preload, before the island's code, and runs once", async ({
    page,
  }) => {
    await signIn(page, uniqueEmail("preload"));
    const tokenRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/helpdesky-token")
        tokenRequests.push(request.url());
    });
    await page.reload();
    await expect(ticketCenter(page)).toBeVisible();
    const timing = await page.evaluate(() => {
      const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const token = entries.find((entry) => entry.name.endsWith("/api/helpdesky-token"));
      const island = entries.find((entry) =>
        /\/_astro\/TicketCenterIsland\.[^/]+\.js$/.test(entry.name),
      );
      return { tokenStart: token?.startTime, islandEnd: island?.responseEnd };
    });
    expect(tokenRequests).toHaveLength(1);
    expect(timing.tokenStart).toBeDefined();
    expect(timing.islandEnd).toBeDefined();
    expect(timing.tokenStart!).toBeLessThan(timing.islandEnd!);
  });

  test("the boot module adds the Ticket Center's script while React is still held back, then the island adopts it", async ({
    page,
  }) => {
    await signIn(page, uniqueEmail("boot"));
    // Hold back the island's code (React's renderer chunk and the component) until the embed's
    // script element is on the page: only the boot module, which needs no React, can add it.
    const releases: string[] = [];
    await page.route(/\/_astro\/(client|TicketCenterIsland)\.[^/]+\.js$/, async (route) => {
      const added = await page
        .locator("script[data-hdh-island-script]")
        .waitFor({ state: "attached", timeout: 10_000 })
        .then(
          () => "script added",
          () => "timeout",
        );
      releases.push(added);
      await route.continue();
    });
    await page.reload();
    await expect(ticketCenter(page)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/Signed in as boot-/)).toBeVisible();
    expect(releases).toEqual(["script added", "script added"]);
    await expect(page.locator("script[data-hdh-island-script]")).toHaveCount(1);
    await expect(page.locator("#hdh-ticket-center")).toHaveCount(1);
    await expect(page.locator("astro-island #hdh-ticket-center")).toHaveCount(1);
  });

  test("React and the island's chunks wait until Helpdesky's script has loaded, then the island takes over", async ({
    page,
  }) => {
    await signIn(page, uniqueEmail("held"));
    await page.reload();
    await expect(ticketCenter(page)).toBeVisible();
    await expect(page.getByText(/Signed in as held-/)).toBeVisible();
    // In the page's own clock: when the script had arrived, and when each island chunk was asked.
    const timing = await page.evaluate(() => {
      const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const path = (entry: PerformanceResourceTiming) => new URL(entry.name).pathname;
      return {
        scriptEnd: entries.find((e) => path(e) === "/helpdesky-standin/ticket-center.js")
          ?.responseEnd,
        islandStarts: entries
          .filter((e) => /\/_astro\/(react|client|TicketCenterIsland)\.[^/]+\.js$/.test(path(e)))
          .map((e) => e.startTime),
      };
    });
    expect(timing.scriptEnd).toBeDefined();
    expect(timing.islandStarts).toHaveLength(3);
    for (const start of timing.islandStarts) expect(start).toBeGreaterThan(timing.scriptEnd!);
    await expect(page.locator("template[data-hdh-held-island]")).toHaveCount(0);
    await expect(page.locator("astro-island #hdh-ticket-center")).toHaveCount(1);
  });

  test("with the boot module's chunk blocked, the held island still comes in and starts the Ticket Center", async ({
    page,
  }) => {
    await signIn(page, uniqueEmail("noboot"));
    // As an extension that blocks one file would: the boot module never runs.
    await page.route(/\/_astro\/TicketCenter\.astro_astro_type_script[^/]*\.js$/, (route) =>
      route.abort(),
    );
    const blocked = page.waitForEvent("requestfailed", (request) =>
      /TicketCenter\.astro_astro_type_script/.test(request.url()),
    );
    await page.reload();
    await blocked;
    await expect(ticketCenter(page)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/Signed in as noboot-/)).toBeVisible();
    await expect(page.locator("template[data-hdh-held-island]")).toHaveCount(0);
    await expect(page.locator("script[data-hdh-island-script]")).toHaveCount(1);
  });

  test("Helpdesky's script downloads once, from the page's preload, the boot module's chunks are preloaded, the Contact Form's are not loaded", async ({
    page,
  }) => {
    await signIn(page, uniqueEmail("script-preload"));
    const scriptRequests: string[] = [];
    const fallbackRequests: string[] = [];
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (pathname === "/helpdesky-standin/ticket-center.js") scriptRequests.push(request.url());
      if (pathname.includes("AnonymousFallback")) fallbackRequests.push(request.url());
    });
    await page.reload();
    await expect(ticketCenter(page)).toBeVisible();
    expect(scriptRequests).toHaveLength(1);
    // A signed-in visitor downloads none of the Contact Form's code.
    expect(fallbackRequests).toEqual([]);
    const initiators = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((entry) => new URL(entry.name).pathname === "/helpdesky-standin/ticket-center.js")
        .map((entry) => entry.initiatorType),
    );
    expect(initiators).toEqual(["link"]);
    // Every chunk the async boot module imports is named in a modulepreload, so none waits for it.
    const boot = page.locator('script[type="module"][async]');
    await expect(boot).toHaveCount(1);
    const preloaded = await page
      .locator('link[rel="modulepreload"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(preloaded.length).toBeGreaterThan(0);
    const bootSource = await (await page.request.get((await boot.getAttribute("src"))!)).text();
    for (const [, imported] of bootSource.matchAll(/from\s*"\.\/([^"]+)"/g)) {
      expect(preloaded).toContain(new URL(`/_astro/${imported}`, page.url()).href);
    }
  });
});

test.describe("without stand-in mode", () => {
  test("no stand-in route answers", async () => {
    const server = await startServer({});
    try {
      for (const path of [
        "/helpdesky-standin/ticket-center.js",
        "/helpdesky-standin/ticket-center.css",
        "/helpdesky-standin/api/conversations",
      ]) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status, path).toBe(404);
        expect(await response.text()).not.toContain("hdh-standin");
      }
      const session = await fetch(`${server.url}/helpdesky-standin/api/session`, {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": "application/json" },
        body: "{}",
      });
      expect(session.status).toBe(404);
      // With neither credentials nor stand-in, the token endpoint says so.
      const token = await fetch(`${server.url}/api/helpdesky-token`);
      expect(token.status).toBe(503);
    } finally {
      await server.stop();
    }
  });
});

test.describe("the Vercel function", () => {
  const FUNCTION_DIR = new URL("../../.vercel/output/functions/_render.func/", import.meta.url);

  /** Status and body of `path` from the built function, run in a fresh Node process with `env`. */
  function callFunction(path: string, env: Record<string, string>) {
    const config = JSON.parse(readFileSync(new URL(".vc-config.json", FUNCTION_DIR), "utf8"));
    const handlerUrl = new URL(config.handler, FUNCTION_DIR).href;
    const script = `
      const { default: handler } = await import(${JSON.stringify(handlerUrl)});
      const response = await handler.fetch(new Request("https://acme.example" + ${JSON.stringify(path)}));
      console.log(JSON.stringify({ status: response.status, body: await response.text() }));
    `;
    const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      env: { PATH: process.env.PATH ?? "", ...env },
      encoding: "utf8",
    });
    return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as { status: number; body: string };
  }

  test("serves the stand-in's script from its bundle in stand-in mode, and 404 otherwise", () => {
    const on = callFunction("/helpdesky-standin/ticket-center.js", { HELPDESKY_STANDIN: "1" });
    expect(on.status).toBe(200);
    expect(on.body).toContain("document.currentScript");
    const off = callFunction("/helpdesky-standin/ticket-center.js", {});
    expect(off.status).toBe(404);
  });
});
