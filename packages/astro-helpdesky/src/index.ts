/// <reference path="./locals.d.ts" />
import type { AstroIntegration } from "astro";
import { AstroError } from "astro/errors";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { cloudflareCompat } from "./cloudflare-compat.ts";
import { DEV_CSP_OFF, helpdeskyCspConfig, helpdeskyOrigin } from "./csp.ts";
import { helpdeskyEnvFields } from "./env-fields.ts";
import { bootScriptIntegration } from "./build/boot-script.ts";
import { HELD_ISLAND_FALLBACK_SCRIPT } from "./build/held-island-fallback.ts";
import { FALLBACK_LOADER_TYPES, fallbackLoaderPlugin } from "./build/fallback-chunk.ts";
import { leakGuardIntegration } from "./guards/leak-guard.ts";
import { envDirOf, loadEnvLikeVite } from "./guards/load-env.ts";
import { STANDIN_BASE_PATH, resolveHelpdeskyMode } from "./mode.ts";
import {
  ALLOW_REMOTE_VARIABLE,
  allowsRemote,
  devServerHost,
  standinExposure,
} from "./standin/exposure.ts";
import { parseHelpdeskyOptions, type HelpdeskyUserOptions } from "./options.ts";
import { DEFAULT_MESSAGES } from "./messages/default-messages.ts";
import { mergeMessages } from "./messages/merge-messages.ts";
import { MESSAGES_TYPES, messagesPlugin } from "./messages/messages-module.ts";
import { signedInHintScript } from "./island/signed-in-hint.ts";
import { PAGE_HINTS_TYPES, pageHintsPlugin, scriptPreloadUrl, underBase } from "./page-hints.ts";

export type { HelpdeskyUserOptions } from "./options.ts";
export type { HelpdeskyMessages, MessageOverrides } from "./messages/default-messages.ts";
/** The largest request body any of the integration's routes reads: a ceiling for an adapter's `bodySizeLimit`. */
export { SERVER_BODY_LIMIT_BYTES } from "./contact/read-body.ts";

/** The name `@astrojs/react`'s integration registers under. */
const REACT_INTEGRATION = "@astrojs/react";

/**
 * Adds Helpdesky to an Astro site: the `astro:env` fields it reads and the on-demand token route
 * the Ticket Center island asks for its signed credentials, the Contact Form's API, the local
 * Helpdesky stand-in (script, API and inbox page), the Helpdesky origin in the site's Content
 * Security Policy, the page hints (`virtual:helpdesky/page-hints`) and an early boot module for
 * pages hosting the Ticket Center, and a guard that fails any build exposing the HMAC secret.
 */
export default function helpdesky(userOptions?: HelpdeskyUserOptions): AstroIntegration {
  const options = parseHelpdeskyOptions(userOptions);
  const messages = mergeMessages(DEFAULT_MESSAGES, options.messages);
  // Every route is on demand. The stand-in's answer 404 at run time unless the server runs in
  // stand-in mode, so one build serves either mode.
  const routes: Record<string, string> = {
    [options.tokenRoute]: "./routes/token.ts",
    [options.contactRoute]: "./contact/routes/api.ts",
    [`${STANDIN_BASE_PATH}/inbox`]: "./contact/routes/inbox.astro",
    [`${STANDIN_BASE_PATH}/[...path]`]: "./standin/routes/standin.ts",
  };
  return {
    name: "helpdesky",
    hooks: {
      "astro:config:setup": ({
        config,
        command,
        updateConfig,
        injectRoute,
        addMiddleware,
        logger,
      }) => {
        // The Ticket Center and the Contact Form are React islands: without the renderer, pages
        // would build and the island would never appear, so stop here with the fix.
        if (!config.integrations.some((integration) => integration.name === REACT_INTEGRATION)) {
          throw new AstroError(
            "helpdesky() needs the @astrojs/react integration: the Ticket Center and the Contact Form are React islands.",
            "Run `npx astro add react`, or install @astrojs/react and add `react()` to `integrations` in astro.config.mjs.",
          );
        }
        if (config.adapter?.name === "@astrojs/cloudflare") {
          const compat = cloudflareCompat(fileURLToPath(config.root));
          if (compat.kind === "missing") throw new AstroError(compat.message, compat.hint);
        }
        updateConfig({
          env: { schema: helpdeskyEnvFields },
          integrations: [bootScriptIntegration(), leakGuardIntegration()],
        });
        const envDir = envDirOf(fileURLToPath(config.root), config.vite?.envDir);
        const env = loadEnvLikeVite(command === "dev" ? "development" : "production", envDir);
        if (command === "dev") {
          // `astro dev` without credentials runs the stand-in: only on loopback, unless told otherwise.
          const value = (name: string) => env.get(name)?.value;
          const mode = resolveHelpdeskyMode(
            {
              HELPDESKY_HMAC_SECRET: value("HELPDESKY_HMAC_SECRET"),
              HELPDESKY_HELPDESK_ID: value("HELPDESKY_HELPDESK_ID"),
            },
            { dev: true, randomSecret: () => "" },
          );
          const exposure = standinExposure({
            standin: mode.kind === "standin",
            host: devServerHost(config.server.host),
            allowRemote: allowsRemote(value(ALLOW_REMOTE_VARIABLE)),
          });
          if (exposure.kind === "refuse") {
            throw new AstroError(
              exposure.message,
              `Run \`astro dev\` without \`--host\` (and without \`server.host\`), set HELPDESKY_HMAC_SECRET and HELPDESKY_HELPDESK_ID, or set ${ALLOW_REMOTE_VARIABLE}=1.`,
            );
          }
          if (exposure.kind === "warn") logger.warn(exposure.message);
        }
        const hints = {
          tokenUrl: underBase(config.base, options.tokenRoute),
          scriptPreloadUrl: options.preloadScript
            ? scriptPreloadUrl(env, { dev: command === "dev" })
            : null,
          signInUrl: options.signInUrl ?? null,
          signOutUrl: options.signOutUrl ?? null,
          signedInCookie: options.signedInCookie ?? null,
        };
        updateConfig({
          vite: {
            plugins: [pageHintsPlugin(hints), fallbackLoaderPlugin(), messagesPlugin(messages)],
          },
        });
        if (command === "dev") {
          if (config.security.csp) updateConfig(DEV_CSP_OFF);
        } else {
          // The hint's head script and the held island's fallback are the same on every page, so
          // the policy lists them from here: a hash a component adds in the body, or the build
          // adds afterwards, comes after the page's policy has been written.
          const hintScript =
            hints.signedInCookie === null
              ? null
              : signedInHintScript(hints.signedInCookie, hints.tokenUrl);
          const csp = helpdeskyCspConfig(
            config.security.csp,
            helpdeskyOrigin(env.get("HELPDESKY_SCRIPT_URL")?.value),
            [HELD_ISLAND_FALLBACK_SCRIPT, ...(hintScript === null ? [] : [hintScript])].map(
              (script) => `sha256-${createHash("sha256").update(script).digest("base64")}` as const,
            ),
          );
          if (csp) updateConfig(csp.update);
          for (const note of csp?.notes ?? []) logger.warn(note);
        }
        // Before the site's middleware, so that one that throws or hangs on the token request
        // still gets the island an answer, and its cause one log line.
        addMiddleware({
          entrypoint: new URL("./routes/token-middleware.ts", import.meta.url),
          order: "pre",
        });
        for (const pattern of Object.keys(routes)) {
          injectRoute({
            pattern,
            entrypoint: new URL(routes[pattern]!, import.meta.url),
            prerender: false,
          });
        }
      },
      "astro:config:done": ({ injectTypes }) => {
        injectTypes({ filename: "page-hints.d.ts", content: PAGE_HINTS_TYPES });
        injectTypes({ filename: "fallback-loader.d.ts", content: FALLBACK_LOADER_TYPES });
        injectTypes({ filename: "messages.d.ts", content: MESSAGES_TYPES });
      },
    },
  };
}
