import { defineProject } from "vitest/config";

// The package's own tests, on plain Vite: Astro's Vite plugins (the site's test config) would stub
// out the `build()` the scenario tests call, and msw (the site's) would refuse their real requests
// to the fixture servers on 127.0.0.1.
export default defineProject({
  test: {
    name: "astro-helpdesky",
    // Scenario tests only: test/unit/ runs in the root's "unit" project, on Astro's Vite config.
    include: ["test/*.test.ts"],
    restoreMocks: true,
  },
});
