/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

// Two projects. The unit and component tests (the site's in test/unit/, the package's in
// packages/astro-helpdesky/test/unit/) run on Astro's Vite config, so that `astro:env` and the
// virtual modules resolve in them, with msw answering every request. The package's scenario
// tests build fixture sites with Astro's `build()` and have a config of their own
// (packages/astro-helpdesky/vitest.config.ts).
export default getViteConfig({
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.{ts,tsx}", "packages/*/test/unit/**/*.test.{ts,tsx}"],
          // Fails any request a test has no handler for: no test reaches the network.
          setupFiles: ["packages/astro-helpdesky/test/unit/setup.ts"],
        },
      },
      "packages/astro-helpdesky/vitest.config.ts",
    ],
  },
});
