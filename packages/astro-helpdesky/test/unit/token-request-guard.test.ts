import { afterEach, describe, expect, test, vi } from "vitest";
import { guardTokenRequest } from "../../src/token-request-guard.ts";

const SECRET = "hdh_secret_guard_test";

function recorder() {
  const lines: string[] = [];
  const causes: string[] = [];
  return {
    lines,
    causes,
    log: (cause: string, line: string) => {
      causes.push(cause);
      lines.push(line);
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("guardTokenRequest", () => {
  test("passes the answer of the rest of the request through, and logs nothing", async () => {
    const { lines, log } = recorder();
    const answer = new Response("{}", { status: 200 });
    const response = await guardTokenRequest(() => Promise.resolve(answer), {
      signal: new AbortController().signal,
      log,
    });
    expect(response).toBe(answer);
    expect(lines).toEqual([]);
  });

  test("a middleware that throws: a 500 the island shows as a failure, the cause in one line without the secret", async () => {
    const { lines, log } = recorder();
    const response = await guardTokenRequest(
      () => Promise.reject(new Error(`Cannot sign with ${SECRET}\nforged: line`)),
      { signal: new AbortController().signal, log, secrets: [SECRET] },
    );
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ error: "token_request_failed" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Error: Cannot sign with [secret] forged: line");
    expect(lines[0]).not.toContain(SECRET);
    expect(lines[0]).not.toContain("\n");
  });

  test("the same error thrown twice is one cause; another error another", async () => {
    const { causes, log } = recorder();
    const signal = new AbortController().signal;
    for (const message of ["store down", "store down", "bad cookie"])
      await guardTokenRequest(() => Promise.reject(new Error(message)), { signal, log });
    expect(new Set(causes).size).toBe(2);
    expect(causes[0]).toBe(causes[1]);
  });

  test("a middleware that hangs: a 504 the island shows as a timeout, at the deadline, logged", async () => {
    vi.useFakeTimers();
    const { lines, log } = recorder();
    const guarded = guardTokenRequest(() => new Promise<Response>(() => {}), {
      signal: new AbortController().signal,
      log,
      deadlineMs: 10_000,
    });
    await vi.advanceTimersByTimeAsync(10_000);
    const response = await guarded;
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ error: "token_request_timeout" });
    expect(lines).toEqual([
      expect.stringContaining("did not answer the token request within 10000 ms"),
    ]);
  });

  test("a browser that gives up on a slow middleware: logged; one that leaves at once: not", async () => {
    vi.useFakeTimers();
    const { lines, log } = recorder();
    for (const waitMs of [1_500, 200]) {
      const controller = new AbortController();
      const guarded = guardTokenRequest(() => new Promise<Response>(() => {}), {
        signal: controller.signal,
        log,
      });
      await vi.advanceTimersByTimeAsync(waitMs);
      controller.abort();
      expect((await guarded).status).toBe(504);
    }
    expect(lines).toEqual([expect.stringContaining("before the browser gave up, after 1500 ms")]);
  });

  test("a middleware that throws after the deadline is no unhandled rejection", async () => {
    vi.useFakeTimers();
    const { lines, log } = recorder();
    const guarded = guardTokenRequest(
      () =>
        new Promise<Response>((_, reject) =>
          setTimeout(() => reject(new Error("too late")), 20_000),
        ),
      { signal: new AbortController().signal, log, deadlineMs: 10_000 },
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await guarded).status).toBe(504);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lines).toHaveLength(1);
  });
});
