// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { startTicketCenter, type TicketCenterStart } from "../../src/island/ticket-center-start.ts";
import { server } from "./msw/server.ts";
import { token } from "./msw/handlers.ts";

// Stands in for the chunk of the island's fallback (the Contact Form), to see when it is asked for.
const loadAnonymousFallback = vi.hoisted(() => vi.fn(() => Promise.resolve({})));
vi.mock("virtual:helpdesky/fallback-loader", () => ({ loadAnonymousFallback }));

let start: TicketCenterStart | undefined;

beforeEach(() => {
  loadAnonymousFallback.mockClear();
  document.body.innerHTML = '<div id="hdh-ticket-center"></div>';
});

afterEach(() => {
  start?.dispose();
  start = undefined;
  document.body.replaceChildren();
});

const begin = () =>
  (start = startTicketCenter(
    document.getElementById("hdh-ticket-center")!,
    "/api/helpdesky-token",
    { timeoutMs: 2000 },
  ));

describe("startTicketCenter and the Contact Form's chunk", () => {
  // Whenever the island will show its fallback, the chunk starts with the token's answer, not a
  // round trip after React has rendered the island.
  test.each([
    ["an anonymous visitor (401)", token.anonymous(), "unauthenticated"],
    ["a failing token endpoint (500)", token.serverError(), "failed"],
    ["an unreachable token endpoint", token.networkError(), "failed"],
  ])("%s: starts loading it", async (_label, handler, kind) => {
    server.use(handler);
    expect((await begin().token).kind).toBe(kind);
    expect(loadAnonymousFallback).toHaveBeenCalledTimes(1);
  });

  test("a signed-in user: never loads it, and gets the script", async () => {
    server.use(token.signedIn());
    expect((await begin().token).kind).toBe("ok");
    expect(loadAnonymousFallback).not.toHaveBeenCalled();
    expect(document.querySelectorAll("#hdh-ticket-center script")).toHaveLength(1);
  });

  test("an attempt given up before the answer: does not load it", async () => {
    server.use(token.anonymous());
    const attempt = begin();
    attempt.dispose();
    expect((await attempt.token).kind).toBe("aborted");
    expect(loadAnonymousFallback).not.toHaveBeenCalled();
  });
});

describe("startTicketCenter on a page with its own server-rendered fallback", () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<div id="hdh-ticket-center" class="hdh-ticket-center-loading"><p class="hdh-loading-status" data-hdh-island-owned>Loading…</p></div>' +
      '<section id="hdh-fallback" hidden></section>';
  });
  const pageFallback = () => document.getElementById("hdh-fallback")!;
  const container = () => document.getElementById("hdh-ticket-center")!;

  // Shown with the token's answer, by whichever start asked: the boot module's runs before React.
  test("an anonymous visitor (401): shows it in place of the loading state, and loads no chunk", async () => {
    server.use(token.anonymous());
    await begin().token;
    expect(pageFallback().hidden).toBe(false);
    expect(container().classList.contains("hdh-ticket-center-loading")).toBe(false);
    expect(container().textContent).toBe("");
    expect(loadAnonymousFallback).not.toHaveBeenCalled();
  });

  // The island shows it, under the message it puts above: shown first, the form would move.
  test("a failing token endpoint (500): leaves it to the island, and loads no chunk", async () => {
    server.use(token.serverError());
    expect((await begin().token).kind).toBe("failed");
    expect(pageFallback().hidden).toBe(true);
    expect(loadAnonymousFallback).not.toHaveBeenCalled();
  });

  test("a token that answers before the parser has reached the page's form: shown once the document is parsed", async () => {
    server.use(token.anonymous());
    pageFallback().remove();
    const readyState = vi.spyOn(document, "readyState", "get").mockReturnValue("loading");
    try {
      await begin().token;
      expect(loadAnonymousFallback).not.toHaveBeenCalled();
      document.body.insertAdjacentHTML("beforeend", '<section id="hdh-fallback" hidden></section>');
      document.dispatchEvent(new Event("DOMContentLoaded"));
    } finally {
      readyState.mockRestore();
    }
    expect(pageFallback().hidden).toBe(false);
    expect(loadAnonymousFallback).not.toHaveBeenCalled();
  });

  test("a signed-in user: it stays hidden, and the container keeps its loading state for the panel", async () => {
    server.use(token.signedIn());
    await begin().token;
    expect(pageFallback().hidden).toBe(true);
    expect(container().classList.contains("hdh-ticket-center-loading")).toBe(true);
  });

  test("an attempt given up before the answer: it stays hidden", async () => {
    server.use(token.anonymous());
    const attempt = begin();
    attempt.dispose();
    await attempt.token;
    expect(pageFallback().hidden).toBe(true);
  });
});
