import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from "astro";
import type { Plugin } from "vite";
import { findClientVisibleCopies } from "./client-visible-copies.ts";
import { findLeaks, secretNeedles, MIN_SCANNABLE_LENGTH, type BuildOutput } from "./find-leaks.ts";
import { leakGuardError, leakReportLines } from "./leak-report.ts";
import { loadEnvLikeVite } from "./load-env.ts";

const VERCEL_ADAPTER = "@astrojs/vercel";
const NETLIFY_ADAPTER = "@astrojs/netlify";

/**
 * The build-time leak guard, as an integration of its own that `helpdesky()` adds from its
 * `astro:config:setup`. Integrations added there run after the ones added before them, so this
 * `astro:build:done` runs after the adapter's and after the Vercel adapter's own
 * "astro:copy-vercel-output" (which fills `.vercel/output/static`): it sees the final output.
 */
export function leakGuardIntegration(): AstroIntegration {
  let mode = "production";
  let envDir: string | false | undefined;
  let config: AstroConfig | undefined;

  const vitePlugin: Plugin = {
    name: "helpdesky:leak-guard-env",
    configResolved(resolved) {
      mode = resolved.mode;
      envDir = resolved.envDir;
    },
  };

  return {
    name: "helpdesky:leak-guard",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [vitePlugin] } });
      },
      "astro:config:done": ({ config: doneConfig }) => {
        config = doneConfig;
      },
      "astro:build:done": ({ dir, logger }) => {
        if (config) checkBuild(config, dir, logger, mode, envDir);
      },
    },
  };
}

/** Fails the build, after logging each problem, when the secret is exposed anywhere. */
function checkBuild(
  config: AstroConfig,
  dir: URL,
  logger: AstroIntegrationLogger,
  mode: string,
  envDir: string | false | undefined,
): void {
  const root = fileURLToPath(config.root);
  const env = loadEnvLikeVite(mode, envDir ?? root);
  const copies = findClientVisibleCopies(env);
  const secret = env.get("HELPDESKY_HMAC_SECRET")?.value;
  const needles = secretNeedles(secret);
  if (secret?.trim() && needles.length === 0) {
    logger.warn(
      `HELPDESKY_HMAC_SECRET is shorter than ${MIN_SCANNABLE_LENGTH} characters: the build output was not searched for it. Helpdesky secrets look like hdh_secret_….`,
    );
  }
  const leaks = findLeaks(buildOutput(config, dir, root), needles);
  const lines = leakReportLines(copies, leaks);
  if (lines.length === 0) {
    if (needles.length > 0)
      logger.info("Leak guard: HELPDESKY_HMAC_SECRET appears in no built file.");
    return;
  }
  for (const line of lines) logger.error(line);
  throw leakGuardError(lines.length);
}

/** The folders this build wrote, and which of them browsers can download. */
function buildOutput(config: AstroConfig, dir: URL, root: string): BuildOutput {
  const publicDirs = [fileURLToPath(dir), fileURLToPath(config.build.client)];
  const roots = [fileURLToPath(config.outDir)];
  if (config.adapter?.name === VERCEL_ADAPTER) {
    // The adapter copies the client files to static/ and the server code to functions/ and
    // _functions/; its path is fixed by Vercel's Build Output API.
    const vercelOutput = fileURLToPath(new URL(".vercel/output/", config.root));
    if (existsSync(vercelOutput)) {
      roots.push(vercelOutput);
      publicDirs.push(fileURLToPath(new URL(".vercel/output/static/", config.root)));
    }
  }
  if (config.adapter?.name === NETLIFY_ADAPTER) {
    // The adapter bundles the server code into .netlify/ (build/, v1/functions/); the client
    // files stay in outDir, Netlify's publish folder. (Cloudflare's Worker is in outDir/server.)
    const netlifyOutput = fileURLToPath(new URL(".netlify/", config.root));
    if (existsSync(netlifyOutput)) roots.push(netlifyOutput);
  }
  return { publicDirs, roots, base: root };
}
