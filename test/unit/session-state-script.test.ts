// @vitest-environment jsdom
import { afterEach, expect, test } from "vitest";
import { SESSION_HINT_COOKIE } from "../../src/auth/session-hint-cookie.ts";
import { SESSION_STATE_SCRIPT } from "../../src/components/session-state-script.ts";

// The header's inline script, run as the browser runs it, once per page load.

afterEach(() => {
  document.cookie = `${SESSION_HINT_COOKIE}=; max-age=0; path=/`;
  delete document.documentElement.dataset.session;
});

function run() {
  // The inline script, run as the page runs it.
  new Function(SESSION_STATE_SCRIPT)();
}

test("marks <html> from the hint cookie when it runs", () => {
  document.cookie = `${SESSION_HINT_COOKIE}=1; path=/`;
  run();
  expect(document.documentElement.dataset.session).toBe("in");
});

test("marks it again after the client router swaps a page in, with the cookie as it is then", () => {
  document.cookie = `${SESSION_HINT_COOKIE}=1; path=/`;
  run();
  // What Astro's client router does: the next page's <html> attributes replace the current ones.
  delete document.documentElement.dataset.session;
  document.dispatchEvent(new Event("astro:after-swap"));
  expect(document.documentElement.dataset.session).toBe("in");

  document.cookie = `${SESSION_HINT_COOKIE}=; max-age=0; path=/`;
  delete document.documentElement.dataset.session;
  document.dispatchEvent(new Event("astro:after-swap"));
  expect(document.documentElement.dataset.session).toBe("out");
});
