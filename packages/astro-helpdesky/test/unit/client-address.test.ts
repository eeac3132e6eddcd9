import { describe, expect, test } from "vitest";
import {
  clientAddress,
  rateLimitKey,
  resolveProxyTrust,
  type ProxyTrust,
} from "../../src/contact/client-address.ts";

const SOCKET = "10.0.0.2";
const NO_PROXY: ProxyTrust = { hops: 0, header: "x-forwarded-for" };
const address = (headers: Record<string, string>, trust: ProxyTrust, onVercel = false) =>
  clientAddress({ platformAddress: SOCKET, headers: new Headers(headers), onVercel, trust });

describe("the client address the rate limit counts", () => {
  test.each([
    ["X-Forwarded-For", { "X-Forwarded-For": "203.0.113.9" }],
    ["Forwarded", { Forwarded: "for=203.0.113.9" }],
  ])(
    "without a trusted proxy, a visitor's %s header is ignored: the socket's address counts",
    (_label, headers) => {
      expect(address(headers, NO_PROXY)).toBe(SOCKET);
      expect(address(headers, { hops: 0, header: "forwarded" })).toBe(SOCKET);
    },
  );

  test("behind one trusted proxy, the address it appended counts, not what the visitor put before it", () => {
    const trust: ProxyTrust = { hops: 1, header: "x-forwarded-for" };
    expect(address({ "X-Forwarded-For": "198.51.100.1, 203.0.113.9" }, trust)).toBe("203.0.113.9");
    expect(address({ "X-Forwarded-For": "203.0.113.9:51234" }, trust)).toBe("203.0.113.9");
  });

  test("behind two trusted proxies, the entry the outer one appended counts", () => {
    const trust: ProxyTrust = { hops: 2, header: "x-forwarded-for" };
    expect(address({ "X-Forwarded-For": "1.1.1.1, 203.0.113.9, 10.0.0.1" }, trust)).toBe(
      "203.0.113.9",
    );
    // A chain shorter than the proxies (a request that bypassed them) leaves the socket's address.
    expect(address({ "X-Forwarded-For": "203.0.113.9" }, trust)).toBe(SOCKET);
  });

  test("a Forwarded header, quoted IPv6 with a port included, when that is the header the proxy writes", () => {
    const trust: ProxyTrust = { hops: 1, header: "forwarded" };
    expect(
      address({ Forwarded: 'for=198.51.100.1, for="[2001:db8::7]:4711";proto=https' }, trust),
    ).toBe("2001:db8::7");
    // The other header is then the visitor's own and is ignored.
    expect(address({ "X-Forwarded-For": "198.51.100.1" }, trust)).toBe(SOCKET);
  });

  test.each(["unknown", "_hidden", "not an address", ""])(
    "a forwarded entry %j that is no address leaves the socket's",
    (entry) => {
      expect(address({ "X-Forwarded-For": entry }, { hops: 1, header: "x-forwarded-for" })).toBe(
        SOCKET,
      );
    },
  );

  test("on Vercel, the adapter's address counts and the proxy setting is not used", () => {
    expect(
      address(
        { "X-Forwarded-For": "198.51.100.1, 203.0.113.9" },
        { hops: 1, header: "x-forwarded-for" },
        true,
      ),
    ).toBe(SOCKET);
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
    [
      { TRUSTED_PROXY_HOPS: "2", TRUSTED_PROXY_HEADER: "Forwarded" },
      { hops: 2, header: "forwarded" },
      0,
    ],
    [{ TRUSTED_PROXY_HOPS: "yes" }, { hops: 0, header: "x-forwarded-for" }, 1],
    [
      { TRUSTED_PROXY_HOPS: "1", TRUSTED_PROXY_HEADER: "X-Real-IP" },
      { hops: 1, header: "x-forwarded-for" },
      1,
    ],
  ])("%j trusts %j", (env, trust, notes) => {
    const resolved = resolveProxyTrust(env);
    expect(resolved.trust).toEqual(trust);
    expect(resolved.notes).toHaveLength(notes);
  });
});

describe("proxy settings an operator might write", () => {
  test.each([
    ["", 0, 0],
    ["  ", 0, 0],
    [" 2 ", 2, 0],
    ["0", 0, 0],
    ["10", 10, 0],
    ["11", 0, 1],
    ["-1", 0, 1],
    ["1.5", 0, 1],
    ["two", 0, 1],
  ])("TRUSTED_PROXY_HOPS=%j trusts %i hops", (hops, expected, notes) => {
    const { trust, notes: said } = resolveProxyTrust({ TRUSTED_PROXY_HOPS: hops });
    expect(trust.hops).toBe(expected);
    expect(said).toHaveLength(notes);
    if (notes) expect(said[0]).toMatch(/TRUSTED_PROXY_HOPS .*no forwarded header is trusted/);
  });

  test.each([
    ["", "x-forwarded-for", 0],
    [" Forwarded ", "forwarded", 0],
    ["X-Forwarded-For", "x-forwarded-for", 0],
    [" x-forwarded-for ", "x-forwarded-for", 0],
    ["X-Real-IP", "x-forwarded-for", 1],
  ])("TRUSTED_PROXY_HEADER=%j reads %s", (header, expected, notes) => {
    const { trust, notes: said } = resolveProxyTrust({ TRUSTED_PROXY_HEADER: header });
    expect(trust.header).toBe(expected);
    expect(said).toHaveLength(notes);
    if (notes) expect(said[0]).toMatch(/TRUSTED_PROXY_HEADER .*using X-Forwarded-For/);
  });
});

describe("forwarded headers a visitor can forge", () => {
  const ONE: ProxyTrust = { hops: 1, header: "x-forwarded-for" };
  const TWO: ProxyTrust = { hops: 2, header: "x-forwarded-for" };
  const FWD: ProxyTrust = { hops: 1, header: "forwarded" };
  test.each([
    ["no header behind a proxy", {}, ONE, SOCKET],
    ["a chain shorter than the proxies", { "X-Forwarded-For": "203.0.113.9" }, TWO, SOCKET],
    [
      "a forged entry left of the proxy's",
      { "X-Forwarded-For": "1.1.1.1, 203.0.113.9" },
      ONE,
      "203.0.113.9",
    ],
    ["an IPv4 address with a port", { "X-Forwarded-For": "203.0.113.9:4711" }, ONE, "203.0.113.9"],
    [
      "an IPv4 address of long parts with a port",
      { "X-Forwarded-For": "203.100.113.119:4711" },
      ONE,
      "203.100.113.119",
    ],
    [
      "an IPv4 address with junk before it",
      { "X-Forwarded-For": "x203.0.113.9:4711" },
      ONE,
      SOCKET,
    ],
    [
      "an IPv4 address with junk after its port",
      { "X-Forwarded-For": "203.0.113.9:4711x" },
      ONE,
      SOCKET,
    ],
    [
      "a bracketed IPv6 address with a port",
      { "X-Forwarded-For": "[2001:db8::1]:80" },
      ONE,
      "2001:db8::1",
    ],
    [
      "a bracketed IPv6 address without one",
      { "X-Forwarded-For": "[2001:db8::1]" },
      ONE,
      "2001:db8::1",
    ],
    [
      "a bracketed IPv6 address with junk before it",
      { "X-Forwarded-For": "x[2001:db8::1]" },
      ONE,
      SOCKET,
    ],
    [
      "a bracketed IPv6 address with junk after it",
      { "X-Forwarded-For": "[2001:db8::1]:80x" },
      ONE,
      SOCKET,
    ],
    ["Forwarded without for=", { Forwarded: "proto=https;by=10.0.0.1" }, FWD, SOCKET],
    [
      "Forwarded with a quoted IPv6 address",
      { Forwarded: 'for="[2001:db8::1]:80"' },
      FWD,
      "2001:db8::1",
    ],
    [
      "Forwarded with for= hidden inside another parameter",
      { Forwarded: "xfor=203.0.113.9" },
      FWD,
      SOCKET,
    ],
    ["Forwarded with a quote inside", { Forwarded: 'for=203.0."113.9' }, FWD, SOCKET],
    [
      "Forwarded with a stray quote at its end",
      { Forwarded: 'for=203.0.113.9"' },
      FWD,
      "203.0.113.9",
    ],
    [
      "Forwarded with for= inside an earlier parameter's value",
      { Forwarded: 'host="for=198.51.100.1";for=203.0.113.9' },
      FWD,
      "203.0.113.9",
    ],
  ])("%s", (_label, headers, trust, expected) => {
    expect(address(headers as Record<string, string>, trust)).toBe(expected);
  });

  test("with no proxy trusted, a header is never read", () => {
    expect(address({ "X-Forwarded-For": "203.0.113.9" }, NO_PROXY)).toBe(SOCKET);
  });
});

describe("rate limit keys for hostile address forms", () => {
  test.each([
    ["an IPv4 address", "203.0.113.9", "203.0.113.9"],
    ["an IPv6 address with a zone", "fe80::1%eth0", "fe80:0:0:0::/64"],
    ["an IPv6 address in capitals", "2001:DB8:AB:CD::1", "2001:db8:ab:cd::/64"],
    [
      "an IPv6 address ending in a dotted IPv4 part",
      "2001:db8:1:2::10.20.30.40",
      "2001:db8:1:2::/64",
    ],
    ["the same /64, spelled out", "2001:0db8:0001:0002:0000:0000:0a14:1e28", "2001:db8:1:2::/64"],
    ["an address compressed at its start", "::1:2:3:4", "0:0:0:0::/64"],
    ["an address compressed in its middle", "1:2::7:8", "1:2:0:0::/64"],
    ["an address compressed after four groups", "1:2:3:4::8", "1:2:3:4::/64"],
    ["an address compressed after its first group", "1::3:4:5:6:7:8", "1:0:3:4::/64"],
    [
      "a compressed address whose dotted IPv4 part pushes groups into the /64",
      "::2:3:4:5:6:10.20.30.40",
      "0:2:3:4::/64",
    ],
    ["an IPv4-mapped address", "::ffff:203.0.113.9", "203.0.113.9"],
    ["an IPv4-mapped address with long parts", "::FFFF:203.100.113.119", "203.100.113.119"],
    [
      "a v4-translated address that only ends like a mapped one",
      "64:ff9b::ffff:203.0.113.9",
      "64:ff9b:0:0::/64",
    ],
  ])("%s", (_label, input, expected) => {
    expect(rateLimitKey(input)).toBe(expected);
  });
});
