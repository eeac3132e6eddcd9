import { signEmail, UnsignableEmailError } from "../sign.ts";
import { CliError, EXIT, type CliIo, type ExitCode } from "./io.ts";
import { requireSecret, type SiteEnv } from "./site-env.ts";

/** Signs an email with the configured secret, exactly as the token endpoint does. */
export function signOrExplain(email: string, secret: string): string {
  try {
    return signEmail(email, secret);
  } catch (error) {
    if (error instanceof UnsignableEmailError) {
      throw new CliError(`Cannot sign this email: ${error.message}`, EXIT.usage);
    }
    throw error;
  }
}

/** `sign <email>`: the signature alone on stdout, so it can be piped or pasted. */
export function signCommand(email: string, env: SiteEnv, io: CliIo): ExitCode {
  const { secret, raw } = requireSecret(env);
  io.out(signOrExplain(email, secret));
  if (raw !== secret) {
    io.err(
      "Note: HELPDESKY_HMAC_SECRET has whitespace around it; it was stripped, as the site does.",
    );
  }
  if (!env.value("HELPDESKY_HELPDESK_ID")?.trim()) {
    io.err(
      "Note: HELPDESKY_HELPDESK_ID is not set: the site's token endpoint answers 503 until it is.",
    );
  }
  return EXIT.ok;
}
