import { describe, expect, test } from "vitest";
import {
  allowsRemote,
  devServerHost,
  isLoopbackHost,
  standinExposure,
} from "../../src/standin/exposure.ts";

describe("stand-in exposure", () => {
  test.each([
    "127.0.0.1",
    "127.1.2.3",
    "::1",
    "[::1]",
    "0:0:0:0:0:0:0:1",
    "::ffff:127.0.0.1",
    "localhost",
    "LOCALHOST",
  ])("%s is loopback", (host) => expect(isLoopbackHost(host)).toBe(true));

  test.each([
    "0.0.0.0",
    "::",
    "192.168.1.10",
    "10.0.0.1",
    "::ffff:10.0.0.1",
    "fe80::1",
    "2001:db8::1",
    "example.com",
    "localhost.example.com",
    "128.0.0.1",
    "",
  ])("%s is not loopback", (host) => expect(isLoopbackHost(host)).toBe(false));

  test("stand-in mode on loopback is fine, and any address is fine outside stand-in mode", () => {
    expect(standinExposure({ standin: true, host: "127.0.0.1", allowRemote: false })).toEqual({
      kind: "ok",
    });
    expect(standinExposure({ standin: false, host: "0.0.0.0", allowRemote: false })).toEqual({
      kind: "ok",
    });
  });

  test("stand-in mode refuses a reachable address, saying why and how to proceed", () => {
    const verdict = standinExposure({ standin: true, host: "0.0.0.0", allowRemote: false });
    expect(verdict.kind).toBe("refuse");
    expect("message" in verdict && verdict.message).toMatch(
      /sign in as any email.*inbox.*127\.0\.0\.1.*HELPDESKY_STANDIN_ALLOW_REMOTE=1/,
    );
  });

  test("an explicit allowance turns the refusal into a warning", () => {
    const verdict = standinExposure({ standin: true, host: "192.168.1.10", allowRemote: true });
    expect(verdict.kind).toBe("warn");
    expect("message" in verdict && verdict.message).toContain("192.168.1.10");
  });

  test.each([
    ["1", true],
    ["true", true],
    [" YES ", true],
    ["0", false],
    ["", false],
    [undefined, false],
    ["please", false],
  ] as const)("HELPDESKY_STANDIN_ALLOW_REMOTE=%s allows remote: %s", (value, expected) => {
    expect(allowsRemote(value)).toBe(expected);
  });

  test("astro dev's --host: bare means every interface, none means localhost", () => {
    expect(devServerHost(true)).toBe("0.0.0.0");
    expect(devServerHost(false)).toBe("localhost");
    expect(devServerHost(undefined)).toBe("localhost");
    expect(devServerHost("192.168.1.10")).toBe("192.168.1.10");
  });
});
