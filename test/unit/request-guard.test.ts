import { describe, expect, test } from "vitest";
import { clientErrorStatus, methodRefusal, rawResponse } from "../../scripts/request-guard.mjs";

describe("the production server's request guard", () => {
  test.each(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])(
    "passes %s on to the site",
    (method) => {
      expect(methodRefusal(method)).toBeNull();
    },
  );

  // The fetch API throws on these: they must never reach the adapter.
  test.each(["TRACE", "TRACK", "CONNECT", "trace"])("answers %s with 405", (method) => {
    expect(methodRefusal(method)).toEqual({ status: 405 });
  });

  test.each(["PROPFIND", "MKCOL", "SEARCH", "QUERY", "get", "", undefined])(
    "answers %s with 501",
    (method) => {
      expect(methodRefusal(method)).toEqual({ status: 501 });
    },
  );

  test.each([
    ["HPE_HEADER_OVERFLOW", 431],
    ["HPE_HEADER_TIMEOUT", 408],
    ["HPE_INVALID_METHOD", 400],
    [undefined, 400],
  ] as const)("answers the parser error %s with %i", (code, status) => {
    expect(clientErrorStatus({ code })).toBe(status);
  });

  test("writes a complete response that closes the connection and carries the given headers", () => {
    const raw = rawResponse(431, { "X-Frame-Options": "DENY" });
    expect(raw.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n")).toBe(true);
    expect(raw).toContain("\r\nX-Frame-Options: DENY\r\n");
    expect(raw).toContain("\r\nConnection: close\r\n");
    const [head, body] = raw.split("\r\n\r\n");
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body!)}`);
  });
});
