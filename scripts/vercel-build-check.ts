// Runs Vercel's own `vercel build` on a copy of this project, offline (no Vercel account, no
// token: a local .vercel/project.json stands in for the linked project), and checks the routes it
// writes: every prerendered page gets its own Content-Security-Policy, every answer vercel.json's
// headers, and no page's route ends the routing of another path. Not part of `npm test`: it needs
// the vercel CLI (58.10.0 installs on Node 24; later versions do not), which npx fetches from the
// npm registry the first time, and takes about 40 s with the CLI at hand.
//
//   npm run check:vercel                                   (npx --yes vercel@58.10.0)
//   VERCEL_CLI=/path/to/node_modules/.bin/vercel npm run check:vercel
//   KEEP=1 npm run check:vercel                            (keeps the copy and prints its path)
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type AnyRoute,
  siteExpectations,
  vercelHeaderProblems,
} from "../test/e2e/support/vercel-routes.ts";

const ROOT = new URL("../", import.meta.url).pathname;

const withoutVercelVariables = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("VERCEL")));
const copy = mkdtempSync(join(tmpdir(), "vercel-build-check-"));
try {
  // The project's files as git sees them (committed or not, ignored ones left out), and its
  // node_modules as hard links: `vercel build` finds its dependencies installed.
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(ROOT, file), join(copy, file));
  }
  execFileSync("cp", ["-al", join(ROOT, "node_modules"), join(copy, "node_modules")]);
  // Caches the build rewrites in place would write through the links into the project's own.
  for (const cache of [".vite", ".vite-temp", ".astro", ".cache", ".vitest-cache"])
    rmSync(join(copy, "node_modules", cache), { recursive: true, force: true });
  mkdirSync(join(copy, ".vercel"));
  // `installCommand: "true"` skips the install step: the copy's node_modules are the project's.
  const project = {
    projectId: "prj_local",
    orgId: "team_local",
    settings: { framework: "astro", installCommand: "true" },
  };
  writeFileSync(join(copy, ".vercel/project.json"), JSON.stringify(project));

  const [command, ...prefix] = process.env.VERCEL_CLI
    ? [process.env.VERCEL_CLI]
    : ["npx", "--yes", "vercel@58.10.0"];
  execFileSync(
    command!,
    [...prefix, "build", "--yes", "--global-config", join(copy, ".vercel-global")],
    {
      cwd: copy,
      stdio: "inherit",
      // A global config folder of its own and no VERCEL_* variables (a token, a linked project):
      // nothing of an account reaches the CLI. The rest (PATH, proxy and CA settings for npx) stays.
      env: { ...withoutVercelVariables(process.env), VERCEL_TELEMETRY_DISABLED: "1" },
    },
  );

  const output = pathToFileURL(join(copy, ".vercel/output/"));
  const { routes } = JSON.parse(readFileSync(new URL("config.json", output), "utf8")) as {
    routes: AnyRoute[];
  };
  const expected = siteExpectations(output);
  const problems = vercelHeaderProblems(routes, expected);
  console.log(
    `\nChecked ${expected.pages.length} prerendered pages and ${expected.otherPaths.length} other paths in the config.json vercel build wrote.`,
  );
  for (const problem of problems) console.error(`  ${problem}`);
  console.log(
    problems.length === 0
      ? "Every page has its own policy, every answer vercel.json's headers."
      : `${problems.length} problem(s).`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  if (process.env.KEEP === "1") console.log(`Kept the copy: ${copy}`);
  else rmSync(copy, { recursive: true, force: true });
}
