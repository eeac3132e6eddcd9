import { describe, expect, test } from "vitest";
import { helpdeskyCspConfig, helpdeskyOrigin } from "../../src/csp.ts";

describe("helpdeskyOrigin", () => {
  test.each([
    [undefined, "https://helpdesky.io"],
    ["", "https://helpdesky.io"],
    ["https://cdn.helpdesky.example/v2/ticket-center.js", "https://cdn.helpdesky.example"],
    ["http://127.0.0.1:9999/ticket-center.js", "http://127.0.0.1:9999"],
    ["/helpdesky-standin/ticket-center.js", null],
    ["not a url", null],
    ["javascript:alert(1)", null],
  ])("%j → %j", (url, origin) => {
    expect(helpdeskyOrigin(url)).toBe(origin);
  });
});

describe("helpdeskyCspConfig", () => {
  test("does nothing when the site has not turned CSP on", () => {
    expect(helpdeskyCspConfig(false, "https://helpdesky.io")).toBeNull();
  });

  test("allows the origin for scripts, styles, requests, frames and images, keeping 'self'", () => {
    expect(helpdeskyCspConfig(true, "https://helpdesky.io")).toEqual({
      update: {
        security: {
          csp: {
            algorithm: "SHA-256",
            directives: [
              "connect-src 'self' https://helpdesky.io",
              "frame-src 'self' https://helpdesky.io",
              "img-src 'self' https://helpdesky.io",
            ],
            scriptDirective: { resources: ["'self'", "https://helpdesky.io"] },
            styleDirective: { resources: ["'self'", "https://helpdesky.io"] },
          },
        },
      },
      notes: [],
    });
  });

  test("adds only 'self' for a same-origin script (the stand-in)", () => {
    expect(helpdeskyCspConfig(true, null)?.update.security.csp.scriptDirective).toEqual({
      resources: ["'self'"],
    });
  });

  test("lists the hashes of the components' inline scripts (the signed-in hint's)", () => {
    expect(
      helpdeskyCspConfig(true, null, ["sha256-abc="])?.update.security.csp.scriptDirective,
    ).toEqual({ resources: ["'self'"], hashes: ["sha256-abc="] });
  });

  test("never declares a directive twice: it asks the site to add the origin instead", () => {
    const result = helpdeskyCspConfig(
      {
        algorithm: "SHA-384",
        directives: ["img-src 'self' data:", "connect-src 'self' https://helpdesky.io"],
      },
      "https://helpdesky.io",
    );
    expect(result?.update.security.csp.directives).toEqual([
      "frame-src 'self' https://helpdesky.io",
    ]);
    expect(result?.update.security.csp.algorithm).toBe("SHA-384");
    expect(result?.notes).toEqual([
      'security.csp.directives declares "img-src" without https://helpdesky.io: add it there, or the Ticket Center may be blocked.',
    ]);
  });
});
