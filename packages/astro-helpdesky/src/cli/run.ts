import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { findMiddleware } from "./auth-seam.ts";
import { doctorCommand } from "./doctor-command.ts";
import { CliError, EXIT, type CliIo, type ExitCode } from "./io.ts";
import { signCommand } from "./sign-command.ts";
import { loadSiteEnv } from "./site-env.ts";
import { USAGE } from "./usage.ts";
import { verifyCommand } from "./verify-command.ts";
import { webhookSecretCommand } from "./webhook-secret-command.ts";

const ARITY: Record<string, string[]> = {
  sign: ["<email>"],
  verify: ["<email>", "<signature>"],
  doctor: [],
  "webhook-secret": [],
};

/** Runs one command line and returns its exit code; user errors become messages, not stack traces. */
export async function run(argv: string[], io: CliIo): Promise<ExitCode> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`helpdesky: ${error.message}`);
      if (error.exitCode === EXIT.usage) io.err("Run `npx helpdesky --help` for usage.");
      return error.exitCode;
    }
    io.err(
      `helpdesky: unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT.problem;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h" },
        mode: { type: "string", default: "production" },
        auth: { type: "string" },
      },
    });
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.usage);
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === "help") {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (!command) throw new CliError("no command given.", EXIT.usage);
  const expected = ARITY[command];
  if (!expected) throw new CliError(`unknown command "${command}".`, EXIT.usage);
  if (rest.length !== expected.length) {
    throw new CliError(`usage: npx helpdesky ${[command, ...expected].join(" ")}`, EXIT.usage);
  }
  if (parsed.values.auth !== undefined && command !== "doctor")
    throw new CliError("--auth applies to doctor only.", EXIT.usage);
  const mode = parsed.values.mode;
  if (!/^[A-Za-z0-9_-]+$/.test(mode))
    throw new CliError(`--mode must be a simple name, got "${mode}".`, EXIT.usage);

  // Reads no configuration: a fresh secret for the site and its webhook receiver to share.
  if (command === "webhook-secret") return webhookSecretCommand(io);
  const env = loadSiteEnv(io, mode);
  if (command === "sign") return signCommand(rest[0]!, env, io);
  if (command === "verify") return verifyCommand(rest[0]!, rest[1]!, env, io);
  return doctorCommand(env, io, authEntry(parsed.values.auth, io.cwd));
}

/** The file doctor reads the sign-in from: `--auth`, which must exist, else the site's middleware. */
function authEntry(flag: string | undefined, cwd: string): string | null {
  if (flag === undefined) return findMiddleware(cwd);
  const path = resolve(cwd, flag);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new CliError(`--auth: no file at ${flag}.`, EXIT.usage);
  return flag;
}
