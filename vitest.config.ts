/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

// Two projects: the site's unit tests, built on Astro's Vite config so that `astro:env` and the
// project's aliases resolve in them, with msw answering every request; and the package's own
// tests, with a config of their own (packages/astro-helpdesky/vitest.config.ts).
export default getViteConfig({
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: { name: "site", include: ["test/unit/**/*.test.{ts,tsx}"], setupFiles: ["test/unit/setup.ts"] },
      },
      "packages/astro-helpdesky/vitest.config.ts",
    ],
  },
});
