import { EXIT, type CliIo, type ExitCode } from "./io.ts";
import { mismatchCauses } from "./mismatch-causes.ts";
import { signOrExplain } from "./sign-command.ts";
import { requireSecret, type SiteEnv } from "./site-env.ts";

/** `verify <email> <signature>`: match (0) or mismatch (1) with the causes that explain it. */
export function verifyCommand(email: string, signature: string, env: SiteEnv, io: CliIo): ExitCode {
  const { secret, raw } = requireSecret(env);
  if (signOrExplain(email, secret) === signature.trim()) {
    io.out(`✓ Match: this is the signature the site's token endpoint produces for "${email}".`);
    return EXIT.ok;
  }
  io.out(`✗ Mismatch: the site's secret does not sign "${email}" to this signature.`);
  const causes = mismatchCauses({
    email,
    signature,
    rawSecret: raw,
    helpdeskId: env.value("HELPDESKY_HELPDESK_ID"),
  });
  if (causes.length > 0) {
    io.out("Likely cause:");
    for (const cause of causes) io.out(`  - ${cause}`);
  } else {
    io.out(
      "None of the usual causes explains it (encoding, whitespace around the secret, the email's case " +
        "or spaces, the helpdesk id signed instead). The signature was probably made with another secret " +
        "(rotated, or another helpdesk's) or from a field this tool cannot know, such as a user id.",
    );
  }
  return EXIT.problem;
}
