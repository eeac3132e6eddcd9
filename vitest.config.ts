/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

// Built on Astro's Vite config, so `astro:env` and the project's aliases resolve in tests too.
// Two projects: the site's unit tests (every request mocked by msw), and the package's own tests,
// whose scenario builds serve real HTTP on 127.0.0.1 and so run without msw.
export default getViteConfig({
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: { name: "site", include: ["test/unit/**/*.test.{ts,tsx}"], setupFiles: ["test/unit/setup.ts"] },
      },
      {
        extends: true,
        test: { name: "astro-helpdesky", include: ["packages/astro-helpdesky/test/**/*.test.ts"] },
      },
    ],
  },
});
