import { isIP } from "node:net";

/** Which forwarded header the site's own proxies write, and how many of them stand in front. */
export interface ProxyTrust {
  hops: number;
  header: "x-forwarded-for" | "forwarded";
}

export interface ProxyEnv {
  TRUSTED_PROXY_HOPS?: string | undefined;
  TRUSTED_PROXY_HEADER?: string | undefined;
}

/** Reads the proxy settings; a bad value trusts no proxy (the safe side) and says so. */
export function resolveProxyTrust(env: ProxyEnv): { trust: ProxyTrust; notes: string[] } {
  const notes: string[] = [];
  let hops = 0;
  // Stryker disable next-line MethodExpression: Number() ignores surrounding spaces too
  const rawHops = (env.TRUSTED_PROXY_HOPS ?? "").trim();
  // Stryker disable next-line ConditionalExpression: Number("") is 0, the default
  if (rawHops) {
    const parsed = Number(rawHops);
    if (Number.isInteger(parsed) && parsed >= 0 && parsed <= 10) hops = parsed;
    else
      notes.push(
        "TRUSTED_PROXY_HOPS must be a whole number from 0 to 10; no forwarded header is trusted.",
      );
  }
  let header: ProxyTrust["header"] = "x-forwarded-for";
  const rawHeader = (env.TRUSTED_PROXY_HEADER ?? "").trim().toLowerCase();
  if (rawHeader === "forwarded") header = "forwarded";
  else if (rawHeader && rawHeader !== "x-forwarded-for") {
    notes.push("TRUSTED_PROXY_HEADER must be X-Forwarded-For or Forwarded; using X-Forwarded-For.");
  }
  return { trust: { hops, header }, notes };
}

export interface AddressSource {
  /** What the adapter gives: Vercel's edge-reported address, or the Node server's socket address. */
  platformAddress: string;
  headers: Headers;
  onVercel: boolean;
  trust: ProxyTrust;
}

/**
 * The visitor's address as the platform sees it, which a visitor cannot choose by sending a header.
 * On Vercel, the adapter's `clientAddress`; on Node, the socket's address, or, when the site sits
 * behind `hops` proxies it trusts, the address the outermost of them saw (each proxy appends the
 * address of its peer, so that is the entry `hops` from the right; anything left of it came from
 * the client). A header that is missing, short or not an address leaves the socket's address.
 */
export function clientAddress({
  platformAddress,
  headers,
  onVercel,
  trust,
}: AddressSource): string {
  // Stryker disable next-line ConditionalExpression: with no hops the entry read lies past the chain's end, never an address
  if (onVercel || trust.hops === 0) return platformAddress;
  const chain =
    trust.header === "forwarded"
      ? forwardedFor(headers.get("forwarded"))
      : xForwardedFor(headers.get("x-forwarded-for"));
  // Stryker disable next-line ConditionalExpression: a chain too short gives an entry before its start, never an address
  if (chain.length < trust.hops) return platformAddress;
  const address = stripPort(chain[chain.length - trust.hops]!);
  return isIP(address) ? address : platformAddress;
}

/**
 * The rate limit's key for an address: IPv4 as it is, IPv6 by its /64 (one subscriber usually holds
 * a whole /64, so counting single addresses would give them 2^64 budgets). IPv4-mapped IPv6
 * addresses count as their IPv4 address.
 */
export function rateLimitKey(address: string): string {
  // Stryker disable next-line Regex: a zone only ever follows the last group, outside the /64
  const plain = address.replace(/%.*$/, "");
  if (isIP(plain) !== 6) return address;
  // Stryker disable next-line Regex: isIP has already refused anything after the IPv4 part
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return mapped[1]!;
  const groups = ipv6Groups(plain);
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}

function xForwardedFor(value: string | null): string[] {
  // Stryker disable next-line ArrayDeclaration: an entry that is not an address leaves the socket's, as no entry does
  return value ? value.split(",").map((entry) => entry.trim()) : [];
}

/** The `for=` of each element of an RFC 7239 `Forwarded` header, in order. */
function forwardedFor(value: string | null): string[] {
  // Stryker disable next-line ArrayDeclaration: an entry that is not an address leaves the socket's, as no entry does
  if (!value) return [];
  return value.split(",").map((element) => {
    const pair = element
      .split(";")
      .map((part) => part.trim())
      .find((part) => /^for=/i.test(part));
    // Stryker disable next-line StringLiteral: an entry that is not an address leaves the socket's, as an empty one does
    return pair ? pair.slice(4).replace(/^"|"$/g, "") : "";
  });
}

/** `1.2.3.4:5678` → `1.2.3.4`, `[2001:db8::1]:80` → `2001:db8::1`. */
function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(entry);
  return v4 ? v4[1]! : entry;
}

/** The eight 16-bit groups of a valid IPv6 address. */
function ipv6Groups(address: string): number[] {
  // Stryker disable next-line MethodExpression: parseInt reads hex digits in either case
  let text = address.toLowerCase();
  // Stryker disable next-line Regex: in an address isIP accepted the dotted part ends it, and where its match starts does not change the group count
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    // Stryker disable next-line MethodExpression: left in, the dotted part still counts as one group's place, past the /64
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  // Stryker disable next-line StringLiteral: split("::") of text without "::" gives the same single part
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = Array<string>(8 - left.length - right.length).fill("0");
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: without "::" the middle is empty; anything added lands past the /64
  return [...left, ...(tail === undefined ? [] : middle), ...right].map((group) =>
    parseInt(group, 16),
  );
}
