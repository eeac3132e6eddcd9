// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from "vitest";
import { fetchToken } from "../../src/island/fetch-token.ts";

const TOKEN = {
  helpdeskId: "hd_test",
  email: "ada@example.com",
  signature: "a".repeat(64),
  scriptUrl: "https://widget.helpdesky.test/embed.js",
};

/** The token endpoint answering `response` (made fresh per call), in place of the network. */
function endpoint(response: () => Response) {
  const fetch = vi.fn(async (_url: URL, init: RequestInit) => {
    if (init.signal?.aborted) throw new DOMException("aborted", "AbortError");
    return response();
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const ask = (signal = new AbortController().signal) =>
  fetchToken("/api/helpdesky/token", { timeoutMs: 5_000, signal });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("fetchToken, against bodies a broken or hostile server could send", () => {
  test.each([
    [
      "an http script on a plain-HTTP site",
      { ...TOKEN, scriptUrl: "http://widget.helpdesky.test/embed.js" },
    ],
    ["a relative script URL", { ...TOKEN, scriptUrl: "/helpdesky/embed.js" }],
  ])("takes %s", async (_label, body) => {
    endpoint(json(body));
    expect(await ask()).toEqual({ kind: "ok", token: body });
  });

  test.each([
    ["null", null],
    ["a string", "token"],
    ["an empty signature", { ...TOKEN, signature: "" }],
    ["a missing email", { ...TOKEN, email: undefined }],
    ["a javascript: script", { ...TOKEN, scriptUrl: "javascript:alert(1)" }],
    ["a data: script", { ...TOKEN, scriptUrl: "data:text/javascript,alert(1)" }],
    ["a script URL that cannot be parsed", { ...TOKEN, scriptUrl: "https://[" }],
  ])("refuses %s as a bad response, never loads it", async (_label, body) => {
    endpoint(json(body));
    expect(await ask()).toEqual({ kind: "failed", failure: "bad-response", status: 200 });
  });

  test("a 401 without a body is signed out, not a network failure", async () => {
    endpoint(() => new Response(null, { status: 401 }));
    expect(await ask()).toEqual({ kind: "unauthenticated" });
  });

  test.each([
    ["a known code", { error: "helpdesky_not_configured" }, 503, "not-configured"],
    [
      "the code of a middleware too slow to answer",
      { error: "token_request_timeout" },
      504,
      "timeout",
    ],
    ["the code of a middleware that threw", { error: "token_request_failed" }, 500, "server"],
    ["a null body", null, 503, "server"],
    ["a code that is not text", { error: 42 }, 500, "server"],
    ["a code named like an object's own property", { error: "constructor" }, 500, "server"],
    ["a code named like another", { error: "toString" }, 500, "server"],
    ["an unknown code", { error: "teapot" }, 418, "server"],
  ])("an error with %s is told apart", async (_label, body, status, failure) => {
    endpoint(json(body, status));
    expect(await ask()).toEqual({ kind: "failed", failure, status });
  });

  test("a signal aborted before the request is an abort, and nothing is fetched", async () => {
    const fetch = endpoint(json(TOKEN));
    const controller = new AbortController();
    controller.abort();
    expect(await ask(controller.signal)).toEqual({ kind: "aborted" });
    expect(fetch.mock.calls[0]?.[1].signal?.aborted ?? true).toBe(true);
  });

  test("leaves no timer running once it has an answer", async () => {
    vi.useFakeTimers();
    endpoint(json(TOKEN));
    expect((await ask()).kind).toBe("ok");
    expect(vi.getTimerCount()).toBe(0);
  });
});
