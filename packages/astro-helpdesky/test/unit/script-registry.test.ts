// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  claimPage,
  dropDetachedBootStart,
  isTicketCenterStarted,
  mountTicketCenterScript,
  onPageReleased,
  peekBootStart,
  publishBootStart,
  releasePage,
} from "../../src/island/script-registry.ts";
import type { TicketCenterToken } from "../../src/island/fetch-token.ts";
import type { TicketCenterStart } from "../../src/island/ticket-center-start.ts";

const TOKEN: TicketCenterToken = {
  helpdeskId: "hd_test",
  email: "ada@example.com",
  signature: "a".repeat(64),
  scriptUrl: "https://widget.helpdesky.test/embed.js",
};

function container(): HTMLElement {
  const element = document.createElement("div");
  document.body.append(element);
  return element;
}

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe("the page's one Ticket Center island", () => {
  test("only the island that holds the page can release it; the one waiting is told when it does", () => {
    const first = {};
    const second = {};
    const released = vi.fn();
    expect(claimPage(first)).toBe(true);
    expect(claimPage(first)).toBe(true);
    expect(claimPage(second)).toBe(false);
    const stopListening = onPageReleased(released);

    releasePage(second);
    expect(released).not.toHaveBeenCalled();
    expect(claimPage(second)).toBe(false);

    releasePage(first);
    expect(released).toHaveBeenCalledTimes(1);
    expect(claimPage(second)).toBe(true);

    stopListening();
    releasePage(second);
    expect(released).toHaveBeenCalledTimes(1);
  });
});

describe("mountTicketCenterScript", () => {
  function mount(timeoutMs = 1_000, host = container()) {
    const onLoad = vi.fn();
    const onError = vi.fn();
    const dispose = mountTicketCenterScript(host, TOKEN, { timeoutMs, onLoad, onError });
    disposers.push(dispose);
    const script = host.querySelector("script")!;
    return { onLoad, onError, dispose, script, host };
  }

  test("a script that loads is a load, and its timeout no longer runs", () => {
    vi.useFakeTimers();
    const { onLoad, onError, script } = mount();
    script.dispatchEvent(new Event("load"));
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5_000);
    script.dispatchEvent(new Event("error"));
    expect(onLoad).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  test("a script that fails is one error, whatever it does later", () => {
    vi.useFakeTimers();
    const { onLoad, onError, script } = mount();
    script.dispatchEvent(new Event("error"));
    script.dispatchEvent(new Event("load"));
    vi.advanceTimersByTime(5_000);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onLoad).not.toHaveBeenCalled();
  });

  test("a script that does not load in time is an error, and a late load changes nothing", () => {
    vi.useFakeTimers();
    const { onLoad, onError, script } = mount(1_000);
    vi.advanceTimersByTime(999);
    expect(onError).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onError).toHaveBeenCalledTimes(1);
    script.dispatchEvent(new Event("load"));
    expect(onLoad).not.toHaveBeenCalled();
  });

  test("once removed, the script's late events and its timeout are not reported", () => {
    vi.useFakeTimers();
    const { onLoad, onError, dispose, script, host } = mount();
    dispose();
    expect(host.querySelector("script")).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    script.dispatchEvent(new Event("load"));
    script.dispatchEvent(new Event("error"));
    vi.advanceTimersByTime(5_000);
    expect(onLoad).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  test("a second script replaces the first: never two on the page", () => {
    // Both containers are on the page first: what a script adds to <body> is removed with it.
    const [firstHost, secondHost] = [container(), container()];
    const first = mount(1_000, firstHost);
    const second = mount(1_000, secondHost);
    expect(document.querySelectorAll("script")).toHaveLength(1);
    expect(first.script.isConnected).toBe(false);
    expect(second.script.isConnected).toBe(true);
    first.dispose();
    expect(second.script.isConnected).toBe(true);
  });
});

test("a late clean-up of the first script leaves the one that replaced it in the same container", () => {
  const host = container();
  const options = { timeoutMs: 1_000, onLoad: () => {}, onError: () => {} };
  const disposeFirst = mountTicketCenterScript(host, TOKEN, options);
  const disposeSecond = mountTicketCenterScript(host, TOKEN, options);
  disposers.push(disposeSecond);
  const second = host.querySelector("script")!;
  disposeFirst();
  expect(second.isConnected).toBe(true);
  expect(host.querySelectorAll("script")).toHaveLength(1);
});

test("a boot start nobody adopted ends once its container has left the page, not before", () => {
  const host = container();
  const start: TicketCenterStart = {
    tokenUrl: "/api/helpdesky-token",
    container: host,
    token: new Promise(() => {}),
    settled: () => undefined,
    onScript: () => {},
    signedOutElsewhere: () => false,
    dispose: vi.fn(),
  };
  publishBootStart(start);
  dropDetachedBootStart();
  expect(start.dispose).not.toHaveBeenCalled();
  expect(peekBootStart()).toBe(start);

  // The client router swapped the page out before the island adopted the start.
  host.remove();
  dropDetachedBootStart();
  expect(start.dispose).toHaveBeenCalledTimes(1);
  expect(peekBootStart()).toBeNull();
  expect(isTicketCenterStarted()).toBe(false);
});
