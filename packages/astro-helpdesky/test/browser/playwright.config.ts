import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "../../../../test/e2e/support/chromium.ts";

// The package's browser tests (`npm run test:browser`): scenario fixture sites of test/fixtures/,
// built once by the global setup, each spec starting the built server it needs on 127.0.0.1.
export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  globalSetup: "./global-setup.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  use: {
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions,
    trace: "retain-on-failure",
  },
});
