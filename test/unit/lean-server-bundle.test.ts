import type { AstroIntegration } from "astro";
import { describe, expect, test, vi } from "vitest";
import leanServerBundle from "../../src/integrations/lean-server-bundle.ts";

type Setup = NonNullable<AstroIntegration["hooks"]["astro:config:setup"]>;

function setUp(command: "build" | "dev" | "preview" | "sync") {
  const updateConfig = vi.fn();
  const hook = leanServerBundle().hooks["astro:config:setup"] as Setup;
  void hook({ command, updateConfig } as unknown as Parameters<Setup>[0]);
  return updateConfig;
}

describe("leanServerBundle", () => {
  test("bundles React, zod, valibot and nodemailer into the server build, with NODE_ENV fixed to production", () => {
    const updateConfig = setUp("build");
    expect(updateConfig).toHaveBeenCalledOnce();
    const { vite } = updateConfig.mock.calls[0]![0];
    expect(vite.ssr.noExternal).toEqual(
      expect.arrayContaining(["react", "react-dom", "zod", "valibot", "nodemailer"]),
    );
    expect(vite.define).toEqual({ "process.env.NODE_ENV": '"production"' });
  });

  test.each(["dev", "preview", "sync"] as const)(
    "leaves `astro %s` alone (React keeps its development build)",
    (command) => {
      expect(setUp(command)).not.toHaveBeenCalled();
    },
  );
});
