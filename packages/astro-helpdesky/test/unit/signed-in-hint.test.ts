// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { bootTicketCenter } from "../../src/island/boot.ts";
import { HELD_ISLAND_ATTRIBUTE, OWN_ISLAND_HOLD } from "../../src/island/held-island.ts";
import { adoptBootStart } from "../../src/island/script-registry.ts";
import { SIGNED_OUT_ATTRIBUTE, signedInHintScript } from "../../src/island/signed-in-hint.ts";
import { startTicketCenter } from "../../src/island/ticket-center-start.ts";
import { server } from "./msw/server.ts";
import { token } from "./msw/handlers.ts";

const loadAnonymousFallback = vi.hoisted(() => vi.fn(() => Promise.resolve({})));
vi.mock("virtual:helpdesky/fallback-loader", () => ({ loadAnonymousFallback }));

/** What /support's static HTML holds, the island held in its template as the build leaves it. */
const PAGE = `<div id="hdh-ticket-center" class="hdh-ticket-center hdh-ticket-center-loading">
  <p class="hdh-loading-status" role="status" data-hdh-island-owned>Loading…</p>
</div>
<template ${HELD_ISLAND_ATTRIBUTE}="${OWN_ISLAND_HOLD}"><p id="island">the island</p></template>
<section id="hdh-fallback" hidden><form class="contact-form"></form></section>`;

/** Token requests made by the page. */
let asked: number;

function clearCookies() {
  for (const pair of document.cookie.split(";")) {
    const name = pair.split("=")[0]!.trim();
    if (name) document.cookie = `${name}=; max-age=0; path=/`;
  }
}

beforeEach(() => {
  asked = 0;
  clearCookies();
  document.documentElement.removeAttribute(SIGNED_OUT_ATTRIBUTE);
  document.body.innerHTML = PAGE;
  server.events.on("request:start", ({ request }) => {
    if (new URL(request.url).pathname === "/api/helpdesky-token") asked++;
  });
});

afterEach(() => {
  server.events.removeAllListeners();
  adoptBootStart()?.dispose();
  document.body.replaceChildren();
  document.head.replaceChildren();
});

describe("the head script", () => {
  const run = () => new Function(signedInHintScript("signed_in", "/api/helpdesky-token"))();

  test("with the hint: starts the token's preload, credentials included, and marks nothing", () => {
    document.cookie = "signed_in=1; path=/";
    run();
    const link = document.head.querySelector("link")!;
    expect(link.rel).toBe("preload");
    expect(link.as).toBe("fetch");
    expect(link.getAttribute("href")).toBe("/api/helpdesky-token");
    expect(link.crossOrigin).toBe("use-credentials");
    expect(document.documentElement.hasAttribute(SIGNED_OUT_ATTRIBUTE)).toBe(false);
  });

  test.each(["", "signed_in=", "xsigned_in=1"])(
    "without it (%j): no preload, and <html> marked for the form's styles",
    (cookie) => {
      if (cookie) document.cookie = `${cookie}; path=/`;
      run();
      expect(document.head.querySelector("link")).toBeNull();
      expect(document.documentElement.hasAttribute(SIGNED_OUT_ATTRIBUTE)).toBe(true);
    },
  );
});

describe("startTicketCenter and the hint", () => {
  const begin = () =>
    startTicketCenter(document.getElementById("hdh-ticket-center")!, "/api/helpdesky-token", {
      timeoutMs: 2000,
    });

  test("no hint: anonymous at once, no token asked, the page's form shown", async () => {
    document.documentElement.setAttribute(SIGNED_OUT_ATTRIBUTE, "");
    server.use(token.signedIn());
    const start = begin();
    // Known before any answer, so an island adopting it renders the anonymous state first.
    expect(start.settled()).toEqual({ kind: "unauthenticated" });
    expect((await start.token).kind).toBe("unauthenticated");
    expect(document.getElementById("hdh-fallback")!.hidden).toBe(false);
    expect(asked).toBe(0);
    start.dispose();
  });

  test("with the hint (no mark): the token decides, 401 → the form", async () => {
    server.use(token.anonymous());
    const start = begin();
    expect(start.settled()).toBeUndefined();
    expect((await start.token).kind).toBe("unauthenticated");
    expect(document.getElementById("hdh-fallback")!.hidden).toBe(false);
    expect(asked).toBe(1);
    start.dispose();
  });

  test("with the hint (no mark): the token decides, 200 → the script, the form stays hidden", async () => {
    server.use(token.signedIn());
    const start = begin();
    expect((await start.token).kind).toBe("ok");
    expect(document.querySelectorAll("#hdh-ticket-center script")).toHaveLength(1);
    expect(document.getElementById("hdh-fallback")!.hidden).toBe(true);
    start.dispose();
  });
});

describe("the held island", () => {
  const held = () => document.querySelector(`template[${HELD_ISLAND_ATTRIBUTE}]`);

  test("signed in: let into the page only once Helpdesky's script has loaded", async () => {
    server.use(token.signedIn());
    bootTicketCenter();
    await vi.waitFor(() =>
      expect(document.querySelector("#hdh-ticket-center script")).not.toBeNull(),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held()).not.toBeNull();
    expect(document.getElementById("island")).toBeNull();
    document.querySelector("#hdh-ticket-center script")!.dispatchEvent(new Event("load"));
    expect(held()).toBeNull();
    expect(document.getElementById("island")).not.toBeNull();
  });

  test("signed in, the script blocked: let in to show the failure", async () => {
    server.use(token.signedIn());
    bootTicketCenter();
    await vi.waitFor(() =>
      expect(document.querySelector("#hdh-ticket-center script")).not.toBeNull(),
    );
    document.querySelector("#hdh-ticket-center script")!.dispatchEvent(new Event("error"));
    expect(document.getElementById("island")).not.toBeNull();
  });

  test.each([
    ["no hint", true, () => token.signedIn()],
    ["a 401", false, () => token.anonymous()],
  ])(
    "anonymous (%s) on a page with its own Contact Form: kept out, so React never loads",
    async (_label, marked, handler) => {
      if (marked) document.documentElement.setAttribute(SIGNED_OUT_ATTRIBUTE, "");
      server.use(handler());
      bootTicketCenter();
      await vi.waitFor(() => expect(document.getElementById("hdh-fallback")!.hidden).toBe(false));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(held()).not.toBeNull();
      expect(document.getElementById("island")).toBeNull();
    },
  );

  test("anonymous, the page's form: a site's island that wraps the Ticket Center's still comes in", async () => {
    document.documentElement.setAttribute(SIGNED_OUT_ATTRIBUTE, "");
    document.body.insertAdjacentHTML(
      "beforeend",
      `<template ${HELD_ISLAND_ATTRIBUTE}><p id="site-island">the site's island</p></template>`,
    );
    bootTicketCenter();
    await vi.waitFor(() => expect(document.getElementById("site-island")).not.toBeNull());
    expect(document.getElementById("island")).toBeNull();
  });

  test("anonymous: what Helpdesky kept in this browser for a previous user is cleared", async () => {
    document.documentElement.setAttribute(SIGNED_OUT_ATTRIBUTE, "");
    localStorage.setItem("hdh-standin:draft", "a previous user's draft");
    localStorage.setItem("site:theme", "dark");
    bootTicketCenter();
    await vi.waitFor(() => expect(document.getElementById("hdh-fallback")!.hidden).toBe(false));
    expect(localStorage.getItem("hdh-standin:draft")).toBeNull();
    expect(localStorage.getItem("site:theme")).toBe("dark");
    localStorage.clear();
  });

  test.each([
    ["no hint, no Contact Form on the page", true, () => token.signedIn(), true],
    ["a 401, no Contact Form on the page", false, () => token.anonymous(), true],
    ["a failing endpoint", false, () => token.serverError(), false],
  ])("%s: let in as soon as the token has answered", async (_label, marked, handler, noForm) => {
    if (noForm) document.getElementById("hdh-fallback")!.remove();
    if (marked) document.documentElement.setAttribute(SIGNED_OUT_ATTRIBUTE, "");
    server.use(handler());
    bootTicketCenter();
    await vi.waitFor(() => expect(document.getElementById("island")).not.toBeNull());
    expect(held()).toBeNull();
  });
});
