import { SEAM_DEPTH } from "./auth-seam.ts";

/** The text of `--help`. */
export const USAGE = `Usage: npx helpdesky <command> [options]

Checks and signs with the Helpdesky configuration the way the site reads it: the .env files
(.env, .env.local, .env.<mode>, .env.<mode>.local) and the environment, which wins.

Commands:
  sign <email>                 Print the signature the token endpoint produces for <email>,
                               to paste into Helpdesky's Verification Tool.
  verify <email> <signature>   Say whether <signature> matches <email>; on a mismatch, look
                               for the usual causes.
  doctor                       Check the configuration, one line per check, with the fix;
                               for email delivery, try the SMTP login (nothing is sent).
  webhook-secret               Print a fresh CONTACT_WEBHOOK_SECRET (whsec_<base64>, 32 bytes)
                               for the site and its webhook receiver.

Options:
  --mode <mode>   Which .env.<mode> files to read (default: production, as \`astro build\`).
  --auth <file>   doctor: where the site sets Astro.locals.user. Default: its Astro middleware
                  (src/middleware.ts, .js, or src/middleware/index.*), followed through the
                  site's own imports ${SEAM_DEPTH} levels deep to the auth library or the demo sign-in.
  -h, --help      Show this help.

Exit codes: 0 ok, 1 a problem was found, 2 wrong usage. The secret is never printed.`;
