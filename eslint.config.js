// @ts-check
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import globals from "globals";
import tseslint from "typescript-eslint";

// Prettier owns layout; ESLint owns mistakes. The type-aware rules are the ones that catch real bugs
// here: a promise nobody awaits (a delivery or a Redis write failing unseen, an assertion that never
// runs), a promise where a void callback is expected, and `any` flowing into signing, cookies or
// redirects.
export default tseslint.config(
  {
    ignores: [
      "**/node_modules/",
      "**/dist/",
      "**/.vercel/",
      "**/.astro/",
      "**/.data/",
      "**/.netlify/",
      "**/.wrangler/",
      "reports/",
      ".stryker-tmp/",
      "test-results/",
      "playwright-report/",
      "bench/fixtures/src/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Control characters are exactly what the input checks' patterns look for and refuse.
      "no-control-regex": "off",
      // Types for Astro.locals and virtual modules are referenced as Starlight does.
      "@typescript-eslint/triple-slash-reference": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unsafe-argument": "error",
      "@typescript-eslint/no-unsafe-assignment": "error",
      "@typescript-eslint/no-unsafe-call": "error",
      "@typescript-eslint/no-unsafe-member-access": "error",
      "@typescript-eslint/no-unsafe-return": "error",
    },
  },
  {
    // The frontmatter of .astro files gets the same type-aware rules: the parser hands
    // typescript-eslint a .tsx view of each file.
    files: ["**/*.astro"],
    languageOptions: {
      parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unsafe-argument": "error",
      "@typescript-eslint/no-unsafe-call": "error",
      "@typescript-eslint/no-unsafe-member-access": "error",
    },
  },
  {
    // The recipes are type-checked against their providers' packages by their own tsconfigs.
    files: ["docs/auth-recipes/**/*.ts"],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ["docs/auth-recipes/tsconfig.json", "docs/auth-recipes/tsconfig.authjs.json"],
      },
    },
  },
  {
    // Tests and benchmarks read JSON whose shape is the thing they assert or report; the promise
    // rules still hold there, since a floating assertion is a test that cannot fail.
    files: ["test/**", "packages/*/test/**", "bench/**"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // Their patterns match the CLI's printed layout, spaces and all.
      "no-regex-spaces": "off",
    },
  },
  {
    // Injected routes' entrypoints live in the package, not in pages/, and prerender = false
    // is how injectRoute's on-demand pages say so; the leak fixture copies one into a site.
    files: ["packages/astro-helpdesky/src/**/routes/*.astro", "test/fixtures/leak-guard/leaks/*"],
    rules: { "astro/no-prerender-export-outside-pages": "off" },
  },
);
