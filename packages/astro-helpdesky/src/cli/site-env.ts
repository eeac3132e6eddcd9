import { envFilesFor, loadEnvLikeVite, type EnvEntry } from "../guards/load-env.ts";
import { CliError, EXIT, type CliIo } from "./io.ts";

/** The environment as the site would see it in `mode`, read from `cwd` like Vite does. */
export interface SiteEnv {
  mode: string;
  entries: Map<string, EnvEntry>;
  value: (name: string) => string | undefined;
  /** Where a variable came from, for messages (never its value). */
  sourceOf: (name: string) => string;
}

/** Loads the site's environment for a CLI command. */
export function loadSiteEnv(io: CliIo, mode: string): SiteEnv {
  const entries = loadEnvLikeVite(mode, io.cwd, io.env);
  return {
    mode,
    entries,
    value: (name) => entries.get(name)?.value,
    sourceOf: (name) => entries.get(name)?.source ?? "nowhere",
  };
}

/** The secret as the token endpoint uses it (trimmed), or a CLI error saying where it was looked for. */
export function requireSecret(env: SiteEnv): { secret: string; raw: string } {
  const raw = env.value("HELPDESKY_HMAC_SECRET") ?? "";
  const secret = raw.trim();
  if (!secret) {
    const files = envFilesFor(env.mode).join(", ");
    throw new CliError(
      `HELPDESKY_HMAC_SECRET is not set (looked in ${files} and the environment). ` +
        `Copy it from the Helpdesky dashboard (Ticket Center → Generate HMAC Secret).`,
      EXIT.problem,
    );
  }
  return { secret, raw };
}
