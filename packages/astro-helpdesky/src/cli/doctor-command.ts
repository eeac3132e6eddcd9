import { resolveHelpdeskyMode } from "../mode.ts";
import { readAuthSeam } from "./auth-seam.ts";
import { contactChecks, type SmtpLogin } from "./contact-checks.ts";
import { doctorChecks } from "./doctor-checks.ts";
import { EXIT, type CliIo, type ExitCode } from "./io.ts";
import { redisCheck } from "./redis-check.ts";
import type { SiteEnv } from "./site-env.ts";

/**
 * `doctor`: one ✓/✗ line per check, the fix under each ✗; exit 1 when any check fails. The sign-in
 * is read from `authEntry` (the middleware, or `--auth`) and the site's modules it imports.
 */
export async function doctorCommand(
  env: SiteEnv,
  io: CliIo,
  authEntry: string | null,
  smtpLogin?: SmtpLogin,
): Promise<ExitCode> {
  const dev = env.mode === "development";
  const checks = doctorChecks(env, readAuthSeam(io.cwd, authEntry), dev);
  const mode = resolveHelpdeskyMode(
    {
      HELPDESKY_HMAC_SECRET: env.value("HELPDESKY_HMAC_SECRET"),
      HELPDESKY_HELPDESK_ID: env.value("HELPDESKY_HELPDESK_ID"),
      HELPDESKY_SCRIPT_URL: env.value("HELPDESKY_SCRIPT_URL"),
      HELPDESKY_STANDIN: env.value("HELPDESKY_STANDIN"),
    },
    { dev, randomSecret: () => "" },
  );
  checks.push(
    ...(await contactChecks(env, mode.kind === "standin", smtpLogin)),
    await redisCheck(env),
  );
  io.out(`Helpdesky configuration (mode: ${env.mode}, read from ${io.cwd}):`);
  for (const check of checks) {
    io.out(`${check.ok ? "✓" : "✗"} ${check.text}`);
    if (!check.ok && check.fix) io.out(`  Fix: ${check.fix}`);
  }
  const failed = checks.filter((check) => !check.ok).length;
  io.out(
    failed === 0 ? "All checks passed." : `${failed} ${failed === 1 ? "check" : "checks"} failed.`,
  );
  return failed === 0 ? EXIT.ok : EXIT.problem;
}
