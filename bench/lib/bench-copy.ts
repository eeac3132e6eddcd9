import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURES_DIR, ROOT } from "./paths.ts";
import { editBuiltSupportVariants, writeSupportVariants } from "./support-variants.ts";

/** The checkout to benchmark: this one, or another given by BENCH_SOURCE (read, never written). */
const SOURCE = process.env.BENCH_SOURCE ?? ROOT;

/** What a bench copy is made of: the project's sources, never its build output. */
const COPIED = [
  "astro.config.mjs",
  "package.json",
  "tsconfig.json",
  "security-headers.mjs",
  "src",
  "public",
  "scripts",
  "packages",
];

export interface BenchCopy {
  dir: string;
  remove: () => void;
}

export interface BenchCopyOptions {
  /**
   * Overlays bench/fixtures/src/ on the copy's src/ (baseline pages under /bench/, never shipped)
   * and adds variants of /support without some of its resource hints.
   */
  benchPages?: boolean;
  /**
   * With `benchPages`, also the variants of /support. They share its boot module, which changes how
   * the bundler splits it: a benchmark of /support's own bytes builds without them.
   */
  supportVariants?: boolean;
  /** Builds for Vercel (`.vercel/output`) instead of the Node server (`dist/`). */
  vercel?: boolean;
  /** A config file from bench/fixtures/ to build with instead of astro.config.mjs. */
  config?: string;
}

/**
 * The project's dependencies, linked one by one into the copy, and the copy's own workspace
 * package in place of the project's: Astro compiles a component's `<script>` only for files under
 * the project's root, which the project's packages/ is not, seen from the copy.
 */
function linkNodeModules(dir: string): void {
  mkdirSync(join(dir, "node_modules"));
  for (const name of readdirSync(join(ROOT, "node_modules"))) {
    const own = join(dir, "packages", name);
    const target = existsSync(own) ? own : join(ROOT, "node_modules", name);
    symlinkSync(target, join(dir, "node_modules", name), "dir");
  }
}

/**
 * Copies the project into a temporary folder and builds it there, so bench-only pages can be added
 * without touching src/pages and without overwriting the worktree's own dist/ or .vercel/.
 */
export function buildBenchCopy({
  benchPages = false,
  supportVariants = true,
  vercel = false,
  config,
}: BenchCopyOptions = {}): BenchCopy {
  const dir = mkdtempSync(join(tmpdir(), "helpdesky-bench-"));
  for (const name of COPIED) {
    if (existsSync(join(SOURCE, name)))
      cpSync(join(SOURCE, name), join(dir, name), { recursive: true });
  }
  if (vercel) {
    // The Vercel adapter traces dependencies from the project's real path: a symlinked
    // node_modules would leave the function pointing outside itself. Hard links copy nothing.
    execFileSync("cp", ["-al", join(ROOT, "node_modules"), join(dir, "node_modules")]);
  } else {
    linkNodeModules(dir);
  }
  if (benchPages) {
    cpSync(join(FIXTURES_DIR, "src"), join(dir, "src"), { recursive: true });
    if (supportVariants) writeSupportVariants(dir);
  }

  const args = ["node_modules/astro/bin/astro.mjs", "build"];
  if (config) {
    cpSync(join(FIXTURES_DIR, config), join(dir, config));
    args.push("--config", config);
  }

  // The benchmarks run the stand-in, and a build that knows it preloads the stand-in's script, as a
  // build with real credentials preloads Helpdesky's.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    HELPDESKY_STANDIN: "1",
  };
  if (vercel) env.VERCEL = "1";
  else delete env.VERCEL;
  try {
    execFileSync(process.execPath, args, {
      cwd: dir,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  if (benchPages && supportVariants && !vercel) editBuiltSupportVariants(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const shared = new Map<string, BenchCopy>();

/** One build per set of options for the whole `npm run bench`: benchmarks share it. */
export function sharedBenchCopy(options: BenchCopyOptions = {}): BenchCopy {
  const key = JSON.stringify(options);
  let copy = shared.get(key);
  if (!copy) {
    copy = buildBenchCopy(options);
    shared.set(key, copy);
  }
  return copy;
}

/** Removes every shared bench copy; the runner calls it once all benchmarks are done. */
export function removeSharedCopies(): void {
  for (const copy of shared.values()) copy.remove();
  shared.clear();
}

/** Runs one benchmark on its own (`node bench/<name>.ts`), removing its builds afterwards. */
export async function runAlone(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } finally {
    removeSharedCopies();
  }
}
