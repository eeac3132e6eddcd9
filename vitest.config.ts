/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

// Built on Astro's Vite config, so `astro:env` and the project's aliases resolve in tests too.
export default getViteConfig({
  test: {
    include: ["test/unit/**/*.test.{ts,tsx}"],
    setupFiles: ["test/unit/setup.ts"],
    restoreMocks: true,
  },
});
