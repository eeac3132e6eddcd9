import { describe, expect, test } from "vitest";
import { clientAddress, rateLimitKey, resolveProxyTrust, type ProxyTrust } from "../../src/integrations/helpdesky/contact/client-address.ts";

const SOCKET = "10.0.0.2";
const NO_PROXY: ProxyTrust = { hops: 0, header: "x-forwarded-for" };
const address = (headers: Record<string, string>, trust: ProxyTrust, onVercel = false) =>
  clientAddress({ platformAddress: SOCKET, headers: new Headers(headers), onVercel, trust });

describe("the client address the rate limit counts", () => {
  test.each([
    ["X-Forwarded-For", { "X-Forwarded-For": "203.0.113.9" }],
    ["Forwarded", { Forwarded: "for=203.0.113.9" }],
  ])("without a trusted proxy, a visitor's %s header is ignored: the socket's address counts", (_label, headers) => {
    expect(address(headers, NO_PROXY)).toBe(SOCKET);
    expect(address(headers, { hops: 0, header: "forwarded" })).toBe(SOCKET);
  });

  test("behind one trusted proxy, the address it appended counts, not what the visitor put before it", () => {
    const trust: ProxyTrust = { hops: 1, header: "x-forwarded-for" };
    expect(address({ "X-Forwarded-For": "198.51.100.1, 203.0.113.9" }, trust)).toBe("203.0.113.9");
    expect(address({ "X-Forwarded-For": "203.0.113.9:51234" }, trust)).toBe("203.0.113.9");
  });

  test("behind two trusted proxies, the entry the outer one appended counts", () => {
    const trust: ProxyTrust = { hops: 2, header: "x-forwarded-for" };
    expect(address({ "X-Forwarded-For": "1.1.1.1, 203.0.113.9, 10.0.0.1" }, trust)).toBe("203.0.113.9");
    // A chain shorter than the proxies (a request that bypassed them) leaves the socket's address.
    expect(address({ "X-Forwarded-For": "203.0.113.9" }, trust)).toBe(SOCKET);
  });

  test("a Forwarded header, quoted IPv6 with a port included, when that is the header the proxy writes", () => {
    const trust: ProxyTrust = { hops: 1, header: "forwarded" };
    expect(address({ Forwarded: 'for=198.51.100.1, for="[2001:db8::7]:4711";proto=https' }, trust)).toBe("2001:db8::7");
    // The other header is then the visitor's own and is ignored.
    expect(address({ "X-Forwarded-For": "198.51.100.1" }, trust)).toBe(SOCKET);
  });

  test.each(["unknown", "_hidden", "not an address", ""])("a forwarded entry %j that is no address leaves the socket's", (entry) => {
    expect(address({ "X-Forwarded-For": entry }, { hops: 1, header: "x-forwarded-for" })).toBe(SOCKET);
  });

  test("on Vercel, the adapter's address counts and the proxy setting is not used", () => {
    expect(address({ "X-Forwarded-For": "198.51.100.1, 203.0.113.9" }, { hops: 1, header: "x-forwarded-for" }, true)).toBe(SOCKET);
  });
});

describe("rateLimitKey", () => {
  test.each([
    ["203.0.113.9", "203.0.113.9"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:DB8:0001:0002:0:0:0:ffff", "2001:db8:1:2::/64"],
    ["2001:db8::", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["unknown", "unknown"],
  ])("%s counts as %s", (input, key) => {
    expect(rateLimitKey(input)).toBe(key);
  });

  test("two addresses of one /64 share a budget; the next /64 has its own", () => {
    expect(rateLimitKey("2001:db8:1:2::1")).toBe(rateLimitKey("2001:db8:1:2:ffff::9"));
    expect(rateLimitKey("2001:db8:1:3::1")).not.toBe(rateLimitKey("2001:db8:1:2::1"));
  });
});

describe("resolveProxyTrust", () => {
  test.each([
    [{}, { hops: 0, header: "x-forwarded-for" }, 0],
    [{ TRUSTED_PROXY_HOPS: "1" }, { hops: 1, header: "x-forwarded-for" }, 0],
    [{ TRUSTED_PROXY_HOPS: "2", TRUSTED_PROXY_HEADER: "Forwarded" }, { hops: 2, header: "forwarded" }, 0],
    [{ TRUSTED_PROXY_HOPS: "yes" }, { hops: 0, header: "x-forwarded-for" }, 1],
    [{ TRUSTED_PROXY_HOPS: "1", TRUSTED_PROXY_HEADER: "X-Real-IP" }, { hops: 1, header: "x-forwarded-for" }, 1],
  ])("%j trusts %j", (env, trust, notes) => {
    const resolved = resolveProxyTrust(env);
    expect(resolved.trust).toEqual(trust);
    expect(resolved.notes).toHaveLength(notes);
  });
});
