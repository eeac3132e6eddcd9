import { describe, expect, test } from "vitest";
import { pickEncoding } from "../../scripts/compressed-assets.mjs";

describe("pickEncoding", () => {
  test.each([
    ["br, gzip, deflate", "br"],
    ["gzip, deflate", "gzip"],
    ["GZIP", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["br;q=0, gzip;q=0", null],
    ["identity", null],
    ["", null],
    [undefined, null],
  ])("answers Accept-Encoding %j with %s", (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});
