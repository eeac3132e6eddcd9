import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "../../../../test/e2e/support/chromium.ts";

// The fresh-app test (`npm run test:package`): one spec, one worker, its own long setup.
export default defineConfig({
  testDir: ".",
  testMatch: "fresh-app.spec.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  use: {
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions,
  },
});
