import { describe, expect, test } from "vitest";
import { parseHelpdeskyOptions } from "../../src/options.ts";

describe("helpdesky() options", () => {
  test("defaults: the routes the README documents, and the script preloaded", () => {
    expect(parseHelpdeskyOptions(undefined)).toEqual({
      tokenRoute: "/api/helpdesky-token",
      contactRoute: "/api/contact",
      preloadScript: true,
    });
  });

  test("takes the site's own routes, and a preload turned off", () => {
    expect(
      parseHelpdeskyOptions({ tokenRoute: "/support/token", preloadScript: false }),
    ).toMatchObject({
      tokenRoute: "/support/token",
      preloadScript: false,
    });
  });

  test.each([
    [{ tokenRoute: "api/token" }, /`tokenRoute` must be a path that starts with `\//],
    [{ preloadScript: "yes" }, /`preloadScript`/],
    [{ tokenroute: "/api/token" }, /tokenroute/],
  ])("refuses %j, naming the field", (input, message) => {
    expect(() => parseHelpdeskyOptions(input)).toThrow(message);
  });
});
