/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

// Built on Astro's Vite config, so `astro:env` and the project's aliases resolve in tests too.
export default getViteConfig({
  test: {
    // The site's tests, and the package's own beside its code.
    include: ["test/unit/**/*.test.{ts,tsx}", "packages/*/test/unit/**/*.test.{ts,tsx}"],
    // Fails any request a test has no handler for: no test reaches the network.
    setupFiles: ["packages/astro-helpdesky/test/unit/setup.ts"],
    restoreMocks: true,
  },
});
