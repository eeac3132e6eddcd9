import { expect, test } from "vitest";
import { forwardedAsHttps } from "../../scripts/forwarded-proto.mjs";

test.each([
  ["https", "1", true],
  ["HTTPS", "2", true],
  ["https, http", "2", true],
  [["https"], "1", true],
  ["http", "1", false],
  // No trusted proxy: a visitor's header is not believed.
  ["https", undefined, false],
  ["https", "0", false],
  ["https", "many", false],
  [undefined, "1", false],
] as const)(
  "X-Forwarded-Proto %j with TRUSTED_PROXY_HOPS=%s → HTTPS: %s",
  (header, hops, expected) => {
    expect(forwardedAsHttps(header as string | string[] | undefined, hops)).toBe(expected);
  },
);
