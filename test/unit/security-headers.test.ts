import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  cspDirectives,
  securityHeaders,
  strictTransportSecurity,
} from "../../security-headers.mjs";

describe("security-headers.mjs", () => {
  test("vercel.json sends exactly the headers the Node server sends, and HSTS, on every path", () => {
    const vercel = JSON.parse(
      readFileSync(new URL("../../vercel.json", import.meta.url), "utf8"),
    ) as {
      headers: { source: string; headers: { key: string; value: string }[] }[];
    };
    expect(vercel.headers).toHaveLength(1);
    expect(vercel.headers[0]!.source).toBe("/(.*)");
    // Vercel serves over HTTPS only, so HSTS goes everywhere there; the Node server adds it when told.
    expect(
      Object.fromEntries(vercel.headers[0]!.headers.map(({ key, value }) => [key, value])),
    ).toEqual({
      ...securityHeaders,
      ...strictTransportSecurity,
    });
  });

  test("HSTS holds for two years at least, subdomains included", () => {
    const value = strictTransportSecurity["Strict-Transport-Security"];
    expect(Number(/max-age=(\d+)/.exec(value)?.[1])).toBeGreaterThanOrEqual(63072000);
    expect(value).toContain("includeSubDomains");
  });

  test("the site's CSP forbids framing and plugins, and leaves scripts to Astro's hashes", () => {
    expect(cspDirectives).toContain("frame-ancestors 'none'");
    expect(cspDirectives).toContain("object-src 'none'");
    expect(cspDirectives.join(";")).not.toContain("unsafe-inline");
    expect(cspDirectives.some((directive) => directive.startsWith("script-src"))).toBe(false);
  });
});
