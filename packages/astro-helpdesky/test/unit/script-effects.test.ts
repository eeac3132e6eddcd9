// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from "vitest";
import { trackScriptEffects } from "../../src/island/script-effects.ts";

const SCRIPT_URL = "https://widget.helpdesky.test/embed.js";

/**
 * Code that runs as if loaded from `url`: the engine names `sourceURL` in its stack frames, as it
 * names a script's `src`.
 */
function codeFrom(url: string, body: string): () => void {
  // Code from "another file", so that the stack names the script.
  return new Function(`${body}\n//# sourceURL=${url}`) as () => void;
}

interface Counts {
  ticks: number;
  timeouts: number;
  messages: number;
}

function counts(): Counts {
  return ((window as { __counts?: Counts }).__counts ??= {
    ticks: 0,
    timeouts: 0,
    messages: 0,
  });
}

const widget = (url: string) =>
  codeFrom(
    url,
    `const c = window.__counts;
     document.addEventListener("widget-ping", () => c.messages++);
     setInterval(() => c.ticks++, 10);
     setTimeout(() => c.timeouts++, 50);`,
  );

afterEach(() => {
  delete (window as { __counts?: Counts }).__counts;
  vi.useRealTimers();
});

describe("trackScriptEffects", () => {
  test("ends the listeners and timers the script registered, and leaves the page's", () => {
    vi.useFakeTimers();
    counts();
    const pageListener = vi.fn();
    const end = trackScriptEffects(SCRIPT_URL);
    widget(SCRIPT_URL)();
    document.addEventListener("widget-ping", pageListener);
    const pageTimer = vi.fn();
    setInterval(pageTimer, 10);

    document.dispatchEvent(new Event("widget-ping"));
    vi.advanceTimersByTime(20);
    expect(counts()).toMatchObject({ messages: 1, ticks: 2 });

    end();
    document.dispatchEvent(new Event("widget-ping"));
    vi.advanceTimersByTime(100);
    expect(counts()).toEqual({ messages: 1, ticks: 2, timeouts: 0 });
    expect(pageListener).toHaveBeenCalledTimes(2);
    expect(pageTimer.mock.calls.length).toBeGreaterThanOrEqual(12);
    document.removeEventListener("widget-ping", pageListener);
  });

  test("a polling chain of timeouts is ended, however many links it has run", () => {
    vi.useFakeTimers();
    counts();
    const end = trackScriptEffects(SCRIPT_URL);
    codeFrom(
      SCRIPT_URL,
      `const c = window.__counts;
       (function poll() { c.ticks++; setTimeout(poll, 10); })();`,
    )();
    vi.advanceTimersByTime(1_000);
    expect(counts().ticks).toBe(101);
    end();
    vi.advanceTimersByTime(1_000);
    expect(counts().ticks).toBe(101);
    expect(vi.getTimerCount()).toBe(0);
  });

  test("a script from this site's origin is told apart from the site's other files", () => {
    vi.useFakeTimers();
    counts();
    const ownUrl = new URL("/helpdesky-standin/ticket-center.js", location.href).href;
    const end = trackScriptEffects(ownUrl);
    widget(ownUrl)();
    widget(new URL("/_astro/site.js", location.href).href)();
    end();
    vi.advanceTimersByTime(30);
    // The site's file ticks on; the script's interval was ended.
    expect(counts().ticks).toBe(3);
    vi.clearAllTimers();
  });

  test("once ended, the page's own functions are back, and what is registered later stays", () => {
    vi.useFakeTimers();
    counts();
    const before = {
      addEventListener: EventTarget.prototype.addEventListener,
      setTimeout: window.setTimeout,
      setInterval: window.setInterval,
    };
    const end = trackScriptEffects(SCRIPT_URL);
    expect(window.setInterval).not.toBe(before.setInterval);
    end();
    expect(EventTarget.prototype.addEventListener).toBe(before.addEventListener);
    expect(window.setTimeout).toBe(before.setTimeout);
    expect(window.setInterval).toBe(before.setInterval);

    widget(SCRIPT_URL)();
    end();
    vi.advanceTimersByTime(20);
    expect(counts().ticks).toBe(2);
    vi.clearAllTimers();
  });
});
