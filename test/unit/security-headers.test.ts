import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { cspDirectives, securityHeaders } from "../../security-headers.mjs";

describe("security-headers.mjs", () => {
  test("vercel.json sends exactly the headers the Node server sends, on every path", () => {
    const vercel = JSON.parse(readFileSync(new URL("../../vercel.json", import.meta.url), "utf8")) as {
      headers: { source: string; headers: { key: string; value: string }[] }[];
    };
    expect(vercel.headers).toHaveLength(1);
    expect(vercel.headers[0]!.source).toBe("/(.*)");
    expect(Object.fromEntries(vercel.headers[0]!.headers.map(({ key, value }) => [key, value]))).toEqual(securityHeaders);
  });

  test("the site's CSP forbids framing and plugins, and leaves scripts to Astro's hashes", () => {
    expect(cspDirectives).toContain("frame-ancestors 'none'");
    expect(cspDirectives).toContain("object-src 'none'");
    expect(cspDirectives.join(";")).not.toContain("unsafe-inline");
    expect(cspDirectives.some((directive) => directive.startsWith("script-src"))).toBe(false);
  });
});
