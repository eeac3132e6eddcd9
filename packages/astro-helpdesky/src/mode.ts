/** Where the stand-in serves its script and API; nothing under it answers outside stand-in mode. */
export const STANDIN_BASE_PATH = "/helpdesky-standin";
export const STANDIN_SCRIPT_PATH = `${STANDIN_BASE_PATH}/ticket-center.js`;
export const STANDIN_HELPDESK_ID = "local-standin";
export const DEFAULT_SCRIPT_URL = "https://helpdesky.io/ticket-center.js";

/** The raw values, as `astro:env/server` gives them. */
export interface HelpdeskyEnv {
  HELPDESKY_HMAC_SECRET?: string | undefined;
  HELPDESKY_HELPDESK_ID?: string | undefined;
  HELPDESKY_SCRIPT_URL?: string | undefined;
  HELPDESKY_STANDIN?: string | undefined;
}

export type HelpdeskyMode =
  /** Real credentials: signatures Helpdesky will accept. */
  | { kind: "live"; secret: string; helpdeskId: string; scriptUrl: string; notes: string[] }
  /** No credentials, local run: a per-process secret that only the local stand-in accepts. */
  | { kind: "standin"; secret: string; helpdeskId: string; scriptUrl: string; notes: string[] }
  /** Nothing usable: the token endpoint answers 503 and `missing` names what to set. */
  | { kind: "unconfigured"; missing: string[]; notes: string[] };

/** Decides the mode from the environment; pure, so every rule of the stand-in is testable. */
export function resolveHelpdeskyMode(
  env: HelpdeskyEnv,
  runtime: { dev: boolean; randomSecret: () => string },
): HelpdeskyMode {
  const notes: string[] = [];
  const rawSecret = env.HELPDESKY_HMAC_SECRET ?? "";
  const secret = rawSecret.trim();
  if (secret && secret !== rawSecret) {
    // The guide's most common cause of a signature mismatch; never log the value itself.
    notes.push("HELPDESKY_HMAC_SECRET had leading or trailing whitespace; it was stripped.");
  }
  const helpdeskId = (env.HELPDESKY_HELPDESK_ID ?? "").trim();
  const scriptUrl = (env.HELPDESKY_SCRIPT_URL ?? "").trim() || DEFAULT_SCRIPT_URL;
  const standinRequested = parseSwitch(env.HELPDESKY_STANDIN, notes);

  if (secret && helpdeskId) {
    if (standinRequested) {
      notes.push("HELPDESKY_STANDIN is ignored: real Helpdesky credentials are set.");
    }
    return { kind: "live", secret, helpdeskId, scriptUrl, notes };
  }

  const missing = [
    ...(secret ? [] : ["HELPDESKY_HMAC_SECRET"]),
    ...(helpdeskId ? [] : ["HELPDESKY_HELPDESK_ID"]),
  ];
  const noCredentials = missing.length === 2;
  if (!noCredentials && (runtime.dev || standinRequested)) {
    // One credential means a live setup half done: the stand-in would hide that.
    notes.push(
      `Stand-in mode is off because one Helpdesky credential is set; set ${missing[0]} as well for live mode, or remove both for the stand-in.`,
    );
  }
  if (noCredentials && (runtime.dev || standinRequested)) {
    let secret: string | undefined;
    return {
      kind: "standin",
      // Drawn on first use, not when the mode is resolved: the mode is resolved at module load,
      // and workerd (Cloudflare) refuses random values in a Worker's global scope.
      get secret() {
        return (secret ??= runtime.randomSecret());
      },
      helpdeskId: STANDIN_HELPDESK_ID,
      scriptUrl: STANDIN_SCRIPT_PATH,
      notes,
    };
  }
  return { kind: "unconfigured", missing, notes };
}

/** Reads an on/off variable; anything but the usual spellings is reported and taken as off. */
function parseSwitch(value: string | undefined, notes: string[]): boolean {
  const normalised = (value ?? "").trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(normalised)) return true;
  if (["", "0", "false", "no", "off"].includes(normalised)) return false;
  notes.push(
    `HELPDESKY_STANDIN="${value}" is not understood (use 1 or 0); stand-in mode stays off.`,
  );
  return false;
}
