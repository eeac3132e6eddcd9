import { defineConfig } from "@playwright/test";

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
    // Debian's Chromium, headless; as root it needs --no-sandbox. Only loopback resolves, so no
    // page can reach the internet.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      ],
    },
  },
});
