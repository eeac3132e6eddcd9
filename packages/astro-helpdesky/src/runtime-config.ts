import {
  HELPDESKY_HELPDESK_ID,
  HELPDESKY_HMAC_SECRET,
  HELPDESKY_SCRIPT_URL,
  HELPDESKY_STANDIN,
} from "astro:env/server";
import { resolveHelpdeskyMode, type HelpdeskyMode } from "./mode.ts";

/**
 * The mode this server process runs in, resolved once from `astro:env` at start-up so that the
 * stand-in's random secret stays the same for the life of the process (it is drawn on the first
 * request that signs: see `resolveHelpdeskyMode`).
 */
export const helpdeskyMode: HelpdeskyMode = resolveHelpdeskyMode(
  { HELPDESKY_HMAC_SECRET, HELPDESKY_HELPDESK_ID, HELPDESKY_SCRIPT_URL, HELPDESKY_STANDIN },
  { dev: import.meta.env.DEV, randomSecret },
);

for (const note of helpdeskyMode.notes) console.warn(`[helpdesky] ${note}`);
if (helpdeskyMode.kind === "standin") {
  console.info(
    "[helpdesky] Stand-in mode: signatures are only valid for the local Helpdesky stand-in.",
  );
}

/** 32 random bytes as hex, from Web Crypto: every adapter's runtime has it, `node:crypto` not. */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** True when the demo sign-in may be used: never against real Helpdesky credentials. */
export function demoSignInAllowed(): boolean {
  return helpdeskyMode.kind !== "live";
}
