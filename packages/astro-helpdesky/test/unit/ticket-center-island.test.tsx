// @vitest-environment jsdom
import { StrictMode } from "react";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { http, HttpResponse } from "msw";
import TicketCenterIsland from "../../src/island/TicketCenterIsland.tsx";
import { IDENTITY_CHANNEL } from "../../src/island/identity-channel.ts";
import { server } from "./msw/server.ts";
import { TEST_SCRIPT_URL, token, TOKEN_PATH, tokenFor } from "./msw/handlers.ts";

function scripts(): HTMLScriptElement[] {
  return Array.from(document.querySelectorAll<HTMLScriptElement>("script"));
}

async function findScript(): Promise<HTMLScriptElement> {
  await waitFor(() => expect(scripts()).toHaveLength(1));
  return scripts()[0]!;
}

/** Does what an embed script does once it runs: renders a panel, adds a stylesheet and storage. */
function runEmbed(script: HTMLScriptElement, email = script.dataset.email ?? "") {
  const container = document.getElementById("hdh-ticket-center")!;
  const panel = document.createElement("section");
  panel.textContent = `Conversations of ${email}`;
  container.append(panel);
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = "https://helpdesky.test/panel.css";
  document.head.append(link);
  localStorage.setItem("hdh-draft", `draft of ${email}`);
  sessionStorage.setItem("embed-state", "open");
  act(() => {
    script.dispatchEvent(new Event("load"));
  });
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
}

// jsdom cannot navigate: stop the sign-out form's submission after the island's own handler.
const stopSubmit = (event: Event) => event.preventDefault();

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  window.addEventListener("submit", stopSubmit);
});

afterEach(() => {
  cleanup();
  window.removeEventListener("submit", stopSubmit);
  document.head.replaceChildren();
});

describe("TicketCenterIsland", () => {
  test("shows its container with an accessible loading state at once", () => {
    server.use(token.hanging());
    render(<TicketCenterIsland />);
    const container = document.getElementById("hdh-ticket-center");
    expect(container).not.toBeNull();
    expect(container!.className).toContain("hdh-ticket-center-loading");
    const status = screen.getByRole("status");
    expect(status.textContent).toMatch(/loading your support conversations/i);
    expect(status.getAttribute("aria-live")).toBe("polite");
  });

  test("appends one script with the embed's data attributes, then shows who is signed in", async () => {
    const onReady = vi.fn();
    render(<TicketCenterIsland onReady={onReady} />);
    const script = await findScript();
    expect(script.src).toBe(TEST_SCRIPT_URL);
    expect(script.async).toBe(true);
    expect(script.dataset).toMatchObject({
      helpdeskId: "test-helpdesk",
      email: "ada@example.com",
      signature: "sig-ada@example.com",
    });
    expect(script.parentElement?.id).toBe("hdh-ticket-center");
    expect(screen.queryByText(/Signed in as/)).toBeNull();

    runEmbed(script);
    expect(await screen.findByText("ada@example.com")).toBeTruthy();
    expect(screen.getByText(/Signed in as/).textContent).toBe("Signed in as ada@example.com");
    expect(
      screen.getByRole("button", { name: "Sign out" }).closest("form")?.getAttribute("action"),
    ).toBe("/logout");
    expect(screen.queryByRole("status")).toBeNull();
    expect(document.getElementById("hdh-ticket-center")!.className).not.toContain("loading");
    expect(onReady).toHaveBeenCalledExactlyOnceWith({ email: "ada@example.com" });
  });

  test("asks the token endpoint once, same origin, with the page's cookies", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    render(<TicketCenterIsland />);
    await findScript();
    expect(fetchSpy).toHaveBeenCalledOnce();
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(String(url)).toBe(new URL("/api/helpdesky-token", document.baseURI).href);
    // What a `<link rel="preload" as="fetch" crossorigin="use-credentials">` matches.
    expect(init?.credentials).toBe("include");
  });

  test("offers an anonymous visitor the Contact Form and a sign-in link, and loads no script", async () => {
    server.use(token.anonymous());
    render(<TicketCenterIsland />);
    const link = await screen.findByRole("link", { name: "Sign in" });
    expect(link.getAttribute("href")).toBe("/login?next=/support");
    expect(screen.getByRole("textbox", { name: "Message" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Send message" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(scripts()).toHaveLength(0);
  });

  test.each([
    ["a 500", token.serverError(), /Something went wrong/, { failure: "server", status: 500 }],
    [
      "a network error",
      token.networkError(),
      /could not reach the support service/,
      { failure: "network" },
    ],
    [
      "a body that is not JSON",
      token.notJson(),
      /Something went wrong/,
      { failure: "bad-response", status: 200 },
    ],
    [
      "JSON of the wrong shape",
      token.wrongShape(),
      /Something went wrong/,
      { failure: "bad-response", status: 200 },
    ],
    [
      "a javascript: script URL",
      token.unsafeScriptUrl(),
      /Something went wrong/,
      { failure: "bad-response", status: 200 },
    ],
  ])(
    "on %s: a message, Try again, and the fallback below",
    async (_name, handler, message, error) => {
      server.use(handler);
      const onError = vi.fn();
      render(<TicketCenterIsland onError={onError} />);
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toMatch(message);
      expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
      const fallback = await screen.findByRole("link", { name: "Sign in" });
      expect(
        alert.compareDocumentPosition(fallback) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
      expect(onError).toHaveBeenCalledExactlyOnceWith(error);
      expect(scripts()).toHaveLength(0);
    },
  );

  test("gives up after timeoutMs with a message that says so", async () => {
    server.use(token.hanging());
    const onError = vi.fn();
    render(<TicketCenterIsland timeoutMs={50} onError={onError} />);
    expect((await screen.findByRole("alert")).textContent).toMatch(/taking too long/);
    expect(onError).toHaveBeenCalledWith({ failure: "timeout" });
  });

  test("Try again asks again and shows the Ticket Center once it works", async () => {
    server.use(token.serverError());
    const user = userEvent.setup();
    render(<TicketCenterIsland />);
    await user.click(await screen.findByRole("button", { name: "Try again" }));
    // Still failing: the message comes back.
    expect((await screen.findByRole("alert")).textContent).toMatch(/Something went wrong/);
    server.use(token.signedIn("ada@example.com"));
    await user.click(screen.getByRole("button", { name: "Try again" }));
    runEmbed(await findScript());
    expect(await screen.findByText("ada@example.com")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("link", { name: "Sign in" })).toBeNull();
  });

  test("503 helpdesky_not_configured says support is not configured, with no Try again", async () => {
    server.use(token.notConfigured());
    const onError = vi.fn();
    render(<TicketCenterIsland onError={onError} />);
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Support is not configured on this site yet.",
    );
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    expect(await screen.findByRole("link", { name: "Sign in" })).toBeTruthy();
    expect(onError).toHaveBeenCalledWith({ failure: "not-configured", status: 503 });
  });

  test("a script that fails to load: message, fallback, no script left, and Try again loads it anew", async () => {
    const onError = vi.fn();
    const user = userEvent.setup();
    render(<TicketCenterIsland onError={onError} />);
    const script = await findScript();
    act(() => {
      script.dispatchEvent(new Event("error"));
    });
    expect((await screen.findByRole("alert")).textContent).toMatch(/support panel could not load/);
    expect(await screen.findByRole("link", { name: "Sign in" })).toBeTruthy();
    expect(scripts()).toHaveLength(0);
    expect(onError).toHaveBeenCalledWith({ failure: "script" });

    await user.click(screen.getByRole("button", { name: "Try again" }));
    const again = await findScript();
    expect(again).not.toBe(script);
  });

  test("a script that never loads counts as failed after timeoutMs", async () => {
    render(<TicketCenterIsland timeoutMs={100} />);
    await findScript();
    expect((await screen.findByRole("alert")).textContent).toMatch(/support panel could not load/);
    expect(scripts()).toHaveLength(0);
  });

  test("StrictMode's double mount still adds exactly one script", async () => {
    render(
      <StrictMode>
        <TicketCenterIsland />
      </StrictMode>,
    );
    runEmbed(await findScript());
    await screen.findByText("ada@example.com");
    expect(scripts()).toHaveLength(1);
    expect(document.querySelectorAll("#hdh-ticket-center")).toHaveLength(1);
  });

  test("two islands on one page: one script, and the second says the Ticket Center is open", async () => {
    render(
      <>
        <TicketCenterIsland />
        <TicketCenterIsland />
      </>,
    );
    expect(await screen.findByText("The Ticket Center is already open on this page.")).toBeTruthy();
    await findScript();
    expect(document.querySelectorAll("#hdh-ticket-center")).toHaveLength(1);
  });

  test("unmount and mount again: the old script and all it added are gone, one new script", async () => {
    localStorage.setItem("site-theme", "dark");
    const first = render(<TicketCenterIsland />);
    runEmbed(await findScript());
    await screen.findByText("ada@example.com");
    // Another island of the site, added while the Ticket Center was open, is not the script's.
    const otherIsland = document.body.appendChild(document.createElement("astro-island"));
    first.unmount();
    expect(scripts()).toHaveLength(0);
    expect(document.getElementById("hdh-ticket-center")).toBeNull();
    expect(document.head.querySelector("link")).toBeNull();
    expect(otherIsland.isConnected).toBe(true);
    otherIsland.remove();
    expect(localStorage.getItem("hdh-draft")).toBeNull();
    expect(sessionStorage.getItem("embed-state")).toBeNull();
    expect(localStorage.getItem("site-theme")).toBe("dark");

    render(<TicketCenterIsland />);
    await findScript();
    expect(scripts()).toHaveLength(1);
  });

  test("unmounting while the token is on its way aborts it: no script ever appears", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    let answer: () => void = () => {};
    server.use(
      http.get(TOKEN_PATH, async () => {
        await new Promise<void>((resolve) => (answer = resolve));
        return HttpResponse.json(tokenFor("ada@example.com"));
      }),
    );
    const view = render(<TicketCenterIsland />);
    await waitFor(() => expect(fetchSpy).toHaveBeenCalledOnce());
    view.unmount();
    expect(fetchSpy.mock.calls[0]![1]?.signal?.aborted).toBe(true);
    answer();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scripts()).toHaveLength(0);
  });

  test("a previous user's Helpdesky storage is cleared before the next user's panel loads", async () => {
    const first = render(<TicketCenterIsland />);
    await findScript();
    first.unmount();
    // As if the first user closed the tab without signing out, leaving a draft behind.
    localStorage.setItem("hdh-draft", "draft of ada@example.com");
    server.use(token.signedIn("bob@example.com"));
    render(<TicketCenterIsland />);
    const script = await findScript();
    expect(script.dataset.email).toBe("bob@example.com");
    expect(localStorage.getItem("hdh-draft")).toBeNull();
  });
});

describe("TicketCenterIsland and identity", () => {
  test("Sign out removes the panel and its storage, and tells the other tabs", async () => {
    const heard: unknown[] = [];
    const otherTab = new BroadcastChannel(IDENTITY_CHANNEL);
    otherTab.onmessage = (event) => heard.push(event.data);
    try {
      const user = userEvent.setup();
      render(<TicketCenterIsland />);
      runEmbed(await findScript());
      await screen.findByText("Conversations of ada@example.com");
      const form = screen.getByRole("button", { name: "Sign out" }).closest("form")!;
      const submitted = vi.fn();
      form.addEventListener("submit", submitted);

      await user.click(screen.getByRole("button", { name: "Sign out" }));
      expect(submitted).toHaveBeenCalledOnce();
      expect(screen.queryByText("Conversations of ada@example.com")).toBeNull();
      expect(scripts()).toHaveLength(0);
      expect(localStorage.getItem("hdh-draft")).toBeNull();
      // The form must stay in the page, or the browser would not submit it.
      expect(form.isConnected).toBe(true);
      await waitFor(() => expect(heard).toEqual([{ type: "signed-out" }]));
    } finally {
      otherTab.close();
    }
  });

  test("a sign-out form elsewhere on the page (the site's header) clears the panel as the island's own does", async () => {
    const heard: unknown[] = [];
    const otherTab = new BroadcastChannel(IDENTITY_CHANNEL);
    otherTab.onmessage = (event) => heard.push(event.data);
    const header = document.createElement("form");
    header.method = "post";
    header.action = "/logout";
    header.addEventListener("submit", (event) => event.preventDefault());
    header.append(
      Object.assign(document.createElement("button"), {
        type: "submit",
        textContent: "Header sign out",
      }),
    );
    document.body.append(header);
    try {
      const user = userEvent.setup();
      render(<TicketCenterIsland />);
      runEmbed(await findScript());
      await screen.findByText("Conversations of ada@example.com");

      await user.click(screen.getByRole("button", { name: "Header sign out" }));
      expect(screen.queryByText("Conversations of ada@example.com")).toBeNull();
      expect(scripts()).toHaveLength(0);
      expect(localStorage.getItem("hdh-draft")).toBeNull();
      await waitFor(() => expect(heard).toEqual([{ type: "signed-out" }]));
    } finally {
      header.remove();
      otherTab.close();
    }
  });

  test("a search form elsewhere on the page leaves the panel alone", async () => {
    const search = document.createElement("form");
    search.action = "/search";
    search.addEventListener("submit", (event) => event.preventDefault());
    search.append(
      Object.assign(document.createElement("button"), { type: "submit", textContent: "Search" }),
    );
    document.body.append(search);
    try {
      const user = userEvent.setup();
      render(<TicketCenterIsland />);
      runEmbed(await findScript());
      await screen.findByText("Conversations of ada@example.com");
      await user.click(screen.getByRole("button", { name: "Search" }));
      expect(screen.getByText("Conversations of ada@example.com")).toBeTruthy();
      expect(scripts()).toHaveLength(1);
    } finally {
      search.remove();
    }
  });

  test("a sign-out in another tab closes the panel here at once", async () => {
    render(<TicketCenterIsland />);
    runEmbed(await findScript());
    await screen.findByText("Conversations of ada@example.com");
    const otherTab = new BroadcastChannel(IDENTITY_CHANNEL);
    otherTab.postMessage({ type: "signed-out" });
    otherTab.close();
    expect(await screen.findByText(/You signed out in another tab/)).toBeTruthy();
    expect(screen.queryByText("Conversations of ada@example.com")).toBeNull();
    expect(screen.queryByText(/Signed in as/)).toBeNull();
    expect(scripts()).toHaveLength(0);
    expect(await screen.findByRole("link", { name: "Sign in" })).toBeTruthy();
  });

  test("back in view after another user signed in: the old panel goes, the new user's loads", async () => {
    render(<TicketCenterIsland />);
    runEmbed(await findScript());
    await screen.findByText("Conversations of ada@example.com");
    server.use(token.signedIn("bob@example.com"));
    act(() => setVisibility("visible"));
    await waitFor(() => expect(screen.queryByText("Conversations of ada@example.com")).toBeNull());
    const script = await findScript();
    expect(script.dataset.email).toBe("bob@example.com");
    runEmbed(script);
    expect(await screen.findByText("bob@example.com")).toBeTruthy();
    expect(screen.queryByText("ada@example.com")).toBeNull();
  });

  test("back in view after signing out elsewhere: the panel goes and the sign-in prompt shows", async () => {
    render(<TicketCenterIsland />);
    runEmbed(await findScript());
    await screen.findByText("Conversations of ada@example.com");
    server.use(token.anonymous());
    act(() => setVisibility("visible"));
    expect(await screen.findByRole("link", { name: "Sign in" })).toBeTruthy();
    expect(screen.queryByText("Conversations of ada@example.com")).toBeNull();
    expect(scripts()).toHaveLength(0);
  });

  test("back in view with the same user: the panel stays as it is", async () => {
    const tokenRequests = vi.fn();
    server.use(
      http.get(TOKEN_PATH, () => {
        tokenRequests();
        return HttpResponse.json(tokenFor("ada@example.com"));
      }),
    );
    render(<TicketCenterIsland />);
    const script = await findScript();
    runEmbed(script);
    await screen.findByText("Conversations of ada@example.com");
    act(() => setVisibility("visible"));
    await waitFor(() => expect(tokenRequests).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(scripts()).toEqual([script]);
    expect(screen.getByText("Conversations of ada@example.com")).toBeTruthy();
  });
});
