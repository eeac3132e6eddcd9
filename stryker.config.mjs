// Mutation testing of the modules that carry the security and "nothing lost" promises.
// Run with `npm run test:mutation`; not part of `npm test` (it takes minutes, see the README).
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.ts", related: true },
  mutate: [
    "packages/astro-helpdesky/src/sign.ts",
    "packages/astro-helpdesky/src/token-response.ts",
    "packages/astro-helpdesky/src/mode.ts",
    "packages/astro-helpdesky/src/contact/idempotency.ts",
    "packages/astro-helpdesky/src/contact/redis-idempotency.ts",
    "packages/astro-helpdesky/src/contact/rate-limit.ts",
    "packages/astro-helpdesky/src/contact/fields.ts",
    "packages/astro-helpdesky/src/contact/schema.ts",
    "packages/astro-helpdesky/src/contact/webhook-signature.ts",
    "packages/astro-helpdesky/src/contact/read-body.ts",
    "packages/astro-helpdesky/src/contact/client-address.ts",
    "packages/astro-helpdesky/src/contact/contact-email.ts",
    "src/auth/safe-redirect.ts",
    "src/auth/demo-session.ts",
    "src/auth/parse-cookie.ts",
    "src/auth/demo-session-denylist.ts",
    "packages/astro-helpdesky/src/island/fetch-token.ts",
    "packages/astro-helpdesky/src/island/script-registry.ts",
    "scripts/request-guard.mjs",
    "scripts/forwarded-proto.mjs",
  ],
  ignorePatterns: ["dist", "test-results", "playwright-report", "bench/results", "reports", ".data"],
  concurrency: 2,
  coverageAnalysis: "perTest",
  // Local runs only test what changed since the last run; the file stays out of git.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  thresholds: { high: 90, low: 80, break: 80 },
  timeoutMS: 10_000,
};
