// @vitest-environment jsdom
import { StrictMode } from "react";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import TicketCenterIsland from "../../src/island/TicketCenterIsland.tsx";
import { bootTicketCenter } from "../../src/island/boot.ts";
import { IDENTITY_CHANNEL } from "../../src/island/identity-channel.ts";
import { adoptBootStart } from "../../src/island/script-registry.ts";
import { server } from "./msw/server.ts";
import { TEST_SCRIPT_URL, token } from "./msw/handlers.ts";

// What /support's static HTML holds: the page's one container, in its loading state.
const STATIC_CONTAINER = `<div id="hdh-ticket-center" class="hdh-ticket-center hdh-ticket-center-loading">
  <p class="hdh-loading-status" role="status" aria-live="polite" data-hdh-island-owned>Loading your support conversations…</p>
</div>`;

function scripts(): HTMLScriptElement[] {
  return Array.from(document.querySelectorAll<HTMLScriptElement>("script"));
}

function containers(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>("#hdh-ticket-center"));
}

async function findScript(): Promise<HTMLScriptElement> {
  await waitFor(() => expect(scripts()).toHaveLength(1));
  return scripts()[0]!;
}

/** Renders a panel into the container and fires the script's `load`, as an embed does. */
function runEmbed(script: HTMLScriptElement) {
  const panel = document.createElement("section");
  panel.textContent = `Conversations of ${script.dataset.email}`;
  document.getElementById("hdh-ticket-center")!.append(panel);
  act(() => {
    script.dispatchEvent(new Event("load"));
  });
}

/** The page as the boot module finds it: the static container, the boot module run. */
function bootPage(options?: Parameters<typeof bootTicketCenter>[0]): HTMLElement {
  document.body.insertAdjacentHTML("beforeend", STATIC_CONTAINER);
  const container = document.getElementById("hdh-ticket-center")!;
  bootTicketCenter(options);
  return container;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  cleanup();
  // A start no island adopted must not leak into the next test.
  adoptBootStart()?.dispose();
  document.body.replaceChildren();
  document.head.replaceChildren();
});

describe("bootTicketCenter", () => {
  test("fetches the token at once and adds the script to the static container, before any React", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const container = bootPage();
    expect(fetchSpy).toHaveBeenCalledOnce();
    expect(fetchSpy.mock.calls[0]![1]?.credentials).toBe("include");
    const script = await findScript();
    expect(script.parentElement).toBe(container);
    expect(script.src).toBe(TEST_SCRIPT_URL);
    expect(script.dataset).toMatchObject({
      helpdeskId: "test-helpdesk",
      email: "ada@example.com",
      signature: "sig-ada@example.com",
    });
  });

  test("does nothing on a page without the container", () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    bootTicketCenter();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test("run before the parser reaches the container (an async module), it starts once the document is parsed", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const readyState = vi.spyOn(document, "readyState", "get").mockReturnValue("loading");
    try {
      bootTicketCenter();
      expect(fetchSpy).not.toHaveBeenCalled();
      document.body.insertAdjacentHTML("beforeend", STATIC_CONTAINER);
      document.dispatchEvent(new Event("DOMContentLoaded"));
    } finally {
      readyState.mockRestore();
    }
    expect(fetchSpy).toHaveBeenCalledOnce();
    expect((await findScript()).parentElement).toBe(document.getElementById("hdh-ticket-center"));
  });

  test("stays out when an island already runs, and when it was booted before", async () => {
    server.use(token.hanging());
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    render(<TicketCenterIsland />);
    await waitFor(() => expect(fetchSpy).toHaveBeenCalledOnce());
    bootTicketCenter();
    expect(fetchSpy).toHaveBeenCalledOnce();
    cleanup();

    bootPage();
    bootTicketCenter();
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });
});

describe("TicketCenterIsland adopting the boot module's start", () => {
  test("a sign-out in another tab while only the boot module's panel is up closes it once the island mounts", async () => {
    bootPage();
    runEmbed(await findScript());
    expect(screen.getByText("Conversations of ada@example.com")).toBeTruthy();

    // Announced before any island listens; a probe on the channel says when it has been delivered.
    const probe = new BroadcastChannel(IDENTITY_CHANNEL);
    const delivered = new Promise((resolve) => (probe.onmessage = resolve));
    const otherTab = new BroadcastChannel(IDENTITY_CHANNEL);
    otherTab.postMessage({ type: "signed-out" });
    otherTab.close();
    await delivered;
    probe.close();

    render(<TicketCenterIsland />);
    expect(await screen.findByText(/You signed out in another tab/)).toBeTruthy();
    expect(screen.queryByText("Conversations of ada@example.com")).toBeNull();
    expect(screen.queryByText(/Signed in as/)).toBeNull();
    expect(scripts()).toHaveLength(0);
  });

  test("moves the static container into itself and uses the boot's token: one fetch, one script, one container", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const onReady = vi.fn();
    const container = bootPage();
    const script = await findScript();
    render(<TicketCenterIsland onReady={onReady} />);
    expect(containers()).toEqual([container]);
    expect(container.parentElement?.closest(".hdh-island")).not.toBeNull();
    expect(screen.getByRole("status").textContent).toMatch(/loading your support conversations/i);

    runEmbed(script);
    expect(await screen.findByText("ada@example.com")).toBeTruthy();
    expect(onReady).toHaveBeenCalledExactlyOnceWith({ email: "ada@example.com" });
    expect(fetchSpy).toHaveBeenCalledOnce();
    expect(scripts()).toEqual([script]);
    expect(containers()).toEqual([container]);
    expect(container.className).not.toContain("loading");
    expect(screen.queryByRole("status")).toBeNull();
    expect(container.textContent).toContain("Conversations of ada@example.com");
  });

  test("an anonymous visitor whose page form the boot module has shown: the island's first paint keeps it, with no loading state above it", async () => {
    server.use(token.anonymous());
    document.body.insertAdjacentHTML("beforeend", STATIC_CONTAINER);
    document.body.insertAdjacentHTML("beforeend", '<section id="hdh-fallback" hidden></section>');
    bootTicketCenter();
    await waitFor(() => expect(document.getElementById("hdh-fallback")!.hidden).toBe(false));
    expect(screen.queryByRole("status")).toBeNull();

    // What the browser paints after the island's first commit: layout effects included, nothing
    // that a later task or promise would bring.
    render(<TicketCenterIsland />);
    expect(screen.queryByRole("status")).toBeNull();
    expect(document.querySelector(".hdh-identity-slot")).toBeNull();
    expect(document.getElementById("hdh-ticket-center")!.className).not.toContain("loading");
    expect(document.getElementById("hdh-fallback")!.hidden).toBe(false);
  });

  test("a script that loaded before React: the island shows it as ready at once", async () => {
    bootPage();
    runEmbed(await findScript());
    render(<TicketCenterIsland />);
    expect(await screen.findByText("ada@example.com")).toBeTruthy();
    expect(scripts()).toHaveLength(1);
  });

  test("the boot's script error surfaces in the island, and Try again loads anew into the same container", async () => {
    const onError = vi.fn();
    const user = userEvent.setup();
    const container = bootPage();
    const script = await findScript();
    render(<TicketCenterIsland onError={onError} />);
    act(() => {
      script.dispatchEvent(new Event("error"));
    });
    expect((await screen.findByRole("alert")).textContent).toMatch(/support panel could not load/);
    expect(onError).toHaveBeenCalledExactlyOnceWith({ failure: "script" });
    expect(scripts()).toHaveLength(0);
    expect(await screen.findByRole("link", { name: "Sign in" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Try again" }));
    const again = await findScript();
    expect(again).not.toBe(script);
    expect(again.parentElement).toBe(container);
    expect(containers()).toEqual([container]);
  });

  test("the boot's token failure surfaces in the island with its status", async () => {
    server.use(token.serverError());
    const onError = vi.fn();
    bootPage();
    render(<TicketCenterIsland onError={onError} />);
    expect((await screen.findByRole("alert")).textContent).toMatch(/Something went wrong/);
    expect(onError).toHaveBeenCalledExactlyOnceWith({ failure: "server", status: 500 });
    expect(scripts()).toHaveLength(0);
  });

  test("an anonymous visitor: the island shows the Contact Form, no script", async () => {
    server.use(token.anonymous());
    bootPage();
    render(<TicketCenterIsland />);
    expect(await screen.findByRole("link", { name: "Sign in" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Message" })).toBeTruthy();
    expect(scripts()).toHaveLength(0);
    expect(containers()).toHaveLength(1);
  });

  test("StrictMode: still one script and one container", async () => {
    const container = bootPage();
    render(
      <StrictMode>
        <TicketCenterIsland />
      </StrictMode>,
    );
    runEmbed(await findScript());
    await screen.findByText("ada@example.com");
    expect(scripts()).toHaveLength(1);
    expect(containers()).toEqual([container]);
  });

  test("Sign out removes the boot's script and what it added", async () => {
    window.addEventListener("submit", (event) => event.preventDefault(), { once: true });
    const user = userEvent.setup();
    bootPage();
    const script = await findScript();
    render(<TicketCenterIsland />);
    runEmbed(script);
    await user.click(await screen.findByRole("button", { name: "Sign out" }));
    expect(scripts()).toHaveLength(0);
    expect(screen.queryByText(/Conversations of/)).toBeNull();
    // The teardown removed what the script added, never the island's own nodes around the container.
    expect(screen.getByRole("button", { name: "Sign out" }).isConnected).toBe(true);
  });

  test("an island with another token endpoint drops the boot's start and asks its own", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    bootPage({ tokenUrl: "/other/token" });
    render(<TicketCenterIsland />);
    await findScript();
    expect(fetchSpy).toHaveBeenCalledTimes(2);
    expect(String(fetchSpy.mock.calls[1]![0])).toMatch(/\/api\/helpdesky-token$/);
    expect(containers()).toHaveLength(1);
  });
});
