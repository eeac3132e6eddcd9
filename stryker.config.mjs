// Mutation testing of the modules that carry the security and "nothing lost" promises.
// Run with `npm run test:mutation`; not part of `npm test` (it takes minutes, see the README).
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.ts", related: true },
  mutate: [
    "src/integrations/helpdesky/sign.ts",
    "src/integrations/helpdesky/token-response.ts",
    "src/integrations/helpdesky/mode.ts",
    "src/integrations/helpdesky/contact/idempotency.ts",
    "src/integrations/helpdesky/contact/redis-idempotency.ts",
    "src/integrations/helpdesky/contact/rate-limit.ts",
    "src/integrations/helpdesky/contact/fields.ts",
    "src/integrations/helpdesky/contact/schema.ts",
    "src/integrations/helpdesky/contact/webhook-signature.ts",
    "src/integrations/helpdesky/contact/read-body.ts",
    "src/integrations/helpdesky/contact/client-address.ts",
    "src/integrations/helpdesky/contact/contact-email.ts",
    "src/auth/safe-redirect.ts",
    "src/auth/demo-session.ts",
    "src/auth/parse-cookie.ts",
    "src/auth/demo-session-denylist.ts",
    "src/integrations/helpdesky/island/fetch-token.ts",
    "src/integrations/helpdesky/island/script-registry.ts",
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
