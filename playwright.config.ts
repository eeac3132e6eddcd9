import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./test/e2e/support/chromium.ts";

// The suite builds the site once (Vercel output, then the Node server) and starts one production
// server on loopback for every spec: see test/e2e/global-setup.ts.
export default defineConfig({
  testDir: "test/e2e",
  globalSetup: "./test/e2e/global-setup.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions,
    trace: "retain-on-failure",
  },
});
