import { isIP } from "node:net";

/**
 * Whether stand-in mode may serve on an address. In stand-in mode anyone can sign in as any email
 * and read every Contact Form message at /helpdesky-standin/inbox: right on a laptop, a danger on
 * any address another machine can reach. Pure; the production server (scripts/serve.mjs, with the
 * address it bound) and `astro dev` (with its `--host`) both ask it.
 */

export const ALLOW_REMOTE_VARIABLE = "HELPDESKY_STANDIN_ALLOW_REMOTE";

export type StandinExposure =
  { kind: "ok" } | { kind: "refuse"; message: string } | { kind: "warn"; message: string };

/** True for an address only this machine can reach: 127.0.0.0/8, ::1 (also IPv4-mapped), `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (name === "localhost") return true;
  const mapped = name.startsWith("::ffff:") ? name.slice("::ffff:".length) : name;
  if (isIP(mapped) === 4) return mapped.startsWith("127.");
  // The URL parser writes an IPv6 address in its one canonical form.
  if (isIP(name) === 6) return new URL(`http://[${name}]`).hostname === "[::1]";
  return false;
}

/** True when the variable says yes (1, true, yes, on). */
export function allowsRemote(value: string | undefined): boolean {
  return ["1", "true", "yes", "on"].includes((value ?? "").trim().toLowerCase());
}

/** The verdict for serving on `host` (an address or host name) in stand-in mode or not. */
export function standinExposure(input: {
  standin: boolean;
  host: string;
  allowRemote: boolean;
}): StandinExposure {
  if (!input.standin || isLoopbackHost(input.host)) return { kind: "ok" };
  const danger = `anyone who can reach this server can sign in as any email and read every Contact Form message at /helpdesky-standin/inbox`;
  if (input.allowRemote) {
    return {
      kind: "warn",
      message: `Stand-in mode is serving on ${input.host}, reachable from other machines (${ALLOW_REMOTE_VARIABLE}=1): ${danger}.`,
    };
  }
  return {
    kind: "refuse",
    message:
      `Stand-in mode refuses to serve on ${input.host}: ${danger}. ` +
      `Serve on 127.0.0.1, set real Helpdesky credentials, or set ${ALLOW_REMOTE_VARIABLE}=1 if only people you trust can reach this address.`,
  };
}

/** The address `astro dev` serves on for its `server.host`: `true` (bare `--host`) means every interface. */
export function devServerHost(host: string | boolean | undefined): string {
  if (host === true) return "0.0.0.0";
  return typeof host === "string" && host !== "" ? host : "localhost";
}
