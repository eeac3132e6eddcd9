import { randomBytes } from "node:crypto";
import {
  HELPDESKY_HELPDESK_ID,
  HELPDESKY_HMAC_SECRET,
  HELPDESKY_SCRIPT_URL,
  HELPDESKY_STANDIN,
} from "astro:env/server";
import { resolveHelpdeskyMode, type HelpdeskyMode } from "./mode.ts";

/**
 * The mode this server process runs in, resolved once from `astro:env` at start-up so that the
 * stand-in's random secret stays the same for the life of the process.
 */
export const helpdeskyMode: HelpdeskyMode = resolveHelpdeskyMode(
  { HELPDESKY_HMAC_SECRET, HELPDESKY_HELPDESK_ID, HELPDESKY_SCRIPT_URL, HELPDESKY_STANDIN },
  { dev: import.meta.env.DEV, randomSecret: () => randomBytes(32).toString("hex") },
);

for (const note of helpdeskyMode.notes) console.warn(`[helpdesky] ${note}`);
if (helpdeskyMode.kind === "standin") {
  console.info(
    "[helpdesky] Stand-in mode: signatures are only valid for the local Helpdesky stand-in.",
  );
}

/** True when the demo sign-in may be used: never against real Helpdesky credentials. */
export function demoSignInAllowed(): boolean {
  return helpdeskyMode.kind !== "live";
}
