// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import TicketCenterIsland from "../../src/island/TicketCenterIsland.tsx";
import { IDENTITY_CHANNEL } from "../../src/island/identity-channel.ts";
import { server } from "./msw/server.ts";
import { TOKEN_PATH, token, tokenFor } from "./msw/handlers.ts";

// Stands in for the fallback's chunk, to see who asks for it and what the island shows from it.
const loadAnonymousFallback = vi.hoisted(() =>
  vi.fn(() =>
    Promise.resolve({
      AnonymousFallback: ({ signInUrl }: { signInUrl: string }) => (
        <a href={signInUrl}>Stand-in fallback</a>
      ),
    }),
  ),
);
vi.mock("virtual:helpdesky/fallback-loader", () => ({ loadAnonymousFallback }));

/** Waits for the island's script, fires its `load` as the embed would, and for the signed-in view. */
async function loadScriptAndShowPanel() {
  const script = await waitFor(() => {
    const found = document.querySelector<HTMLScriptElement>("script[data-hdh-island-script]");
    if (!found) throw new Error("no script yet");
    return found;
  });
  act(() => {
    script.dispatchEvent(new Event("load"));
  });
  await screen.findByText(/Signed in as/);
}

beforeEach(() => loadAnonymousFallback.mockClear());
afterEach(cleanup);

test("an anonymous visitor gets the fallback the chunk exports, with the island's signInUrl", async () => {
  server.use(token.anonymous());
  render(<TicketCenterIsland signInUrl="/sign-in?next=/help" />);
  const fallback = await screen.findByRole("link", { name: "Stand-in fallback" });
  expect(fallback.getAttribute("href")).toBe("/sign-in?next=/help");
});

test("a signed-in user's island never asks for the fallback's chunk", async () => {
  server.use(token.signedIn());
  render(<TicketCenterIsland />);
  await loadScriptAndShowPanel();
  expect(loadAnonymousFallback).not.toHaveBeenCalled();
});

test("a second island on the page shows no fallback of its own", async () => {
  server.use(token.anonymous());
  render(
    <>
      <TicketCenterIsland />
      <TicketCenterIsland />
    </>,
  );
  await screen.findByText("The Ticket Center is already open on this page.");
  expect(await screen.findAllByRole("link", { name: "Stand-in fallback" })).toHaveLength(1);
});

describe("on a page with its own server-rendered fallback", () => {
  // What `TicketCenterFallback.astro` renders, reduced to what the island touches.
  beforeEach(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      '<section id="hdh-fallback" hidden><form class="contact-form"></form></section>',
    );
  });
  afterEach(() => document.getElementById("hdh-fallback")?.remove());

  const pageFallback = () => document.getElementById("hdh-fallback")!;

  test.each([
    ["an anonymous visitor", token.anonymous()],
    ["a failing token endpoint", token.serverError()],
  ])("%s: the island shows the page's form, and never loads its own", async (_label, handler) => {
    server.use(handler);
    render(<TicketCenterIsland />);
    await waitFor(() => expect(pageFallback().hidden).toBe(false));
    expect(screen.queryByRole("link", { name: "Stand-in fallback" })).toBeNull();
    expect(loadAnonymousFallback).not.toHaveBeenCalled();
  });

  test("a signed-in user: the island hides the page's form", async () => {
    server.use(token.signedIn());
    pageFallback().hidden = false;
    render(<TicketCenterIsland />);
    await loadScriptAndShowPanel();
    expect(pageFallback().hidden).toBe(true);
  });

  test("a sign-out in another tab: the island shows the page's form under its message", async () => {
    server.use(token.signedIn());
    render(<TicketCenterIsland />);
    await loadScriptAndShowPanel();
    expect(pageFallback().hidden).toBe(true);

    const otherTab = new BroadcastChannel(IDENTITY_CHANNEL);
    otherTab.postMessage({ type: "signed-out" });
    otherTab.close();
    await screen.findByText(/You signed out in another tab/);
    expect(pageFallback().hidden).toBe(false);
    expect(loadAnonymousFallback).not.toHaveBeenCalled();
  });

  test("Try again keeps the form shown, for whatever is being typed in it, until the Ticket Center is back", async () => {
    let failing = true;
    server.use(
      http.get(TOKEN_PATH, () =>
        failing
          ? HttpResponse.text("down", { status: 500 })
          : HttpResponse.json(tokenFor("ada@example.com")),
      ),
    );
    render(<TicketCenterIsland />);
    await waitFor(() => expect(pageFallback().hidden).toBe(false));

    failing = false;
    act(() => screen.getByRole("button", { name: "Try again" }).click());
    await screen.findByText("Loading your support conversations…");
    expect(pageFallback().hidden).toBe(false);

    await loadScriptAndShowPanel();
    expect(pageFallback().hidden).toBe(true);
  });
});
