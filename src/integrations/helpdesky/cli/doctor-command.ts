import { readAuthSeam } from "./auth-seam.ts";
import { doctorChecks } from "./doctor-checks.ts";
import { EXIT, type CliIo, type ExitCode } from "./io.ts";
import { redisCheck } from "./redis-check.ts";
import type { SiteEnv } from "./site-env.ts";

/** `doctor`: one ✓/✗ line per check, the fix under each ✗; exit 1 when any check fails. */
export async function doctorCommand(env: SiteEnv, io: CliIo): Promise<ExitCode> {
  const checks = [...doctorChecks(env, readAuthSeam(io.cwd), env.mode === "development"), await redisCheck(env)];
  io.out(`Helpdesky configuration (mode: ${env.mode}, read from ${io.cwd}):`);
  for (const check of checks) {
    io.out(`${check.ok ? "✓" : "✗"} ${check.text}`);
    if (!check.ok && check.fix) io.out(`  Fix: ${check.fix}`);
  }
  const failed = checks.filter((check) => !check.ok).length;
  io.out(failed === 0 ? "All checks passed." : `${failed} ${failed === 1 ? "check" : "checks"} failed.`);
  return failed === 0 ? EXIT.ok : EXIT.problem;
}
