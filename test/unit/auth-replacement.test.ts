import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect, test } from "vitest";

// The README's "Replacing the demo sign-in" steps, applied as written to a copy of the project:
// its shell block runs there, the URLs step is done by hand, and the copy must still type-check
// (astro check covers the tests too) and pass the seam's unit tests. Not the e2e suite: it signs in
// through the demo form, which the README says to rewrite for your provider.
const ROOT = new URL("../../", import.meta.url).pathname;
const copy = mkdtempSync(join(tmpdir(), "auth-replacement-"));

afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** The README's shell block that follows the auth-replacement-steps marker. */
function replacementSteps(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const marker = readme.indexOf("<!-- auth-replacement-steps");
  expect(marker, "the README marks its replacement steps").toBeGreaterThan(-1);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(marker));
  expect(block, "a shell block after the marker").not.toBeNull();
  return block![1]!;
}

/** The project as a fresh clone has it (tracked and new files), sharing this node_modules. */
function copyProject() {
  const files = execFileSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "-z"],
    { cwd: ROOT, encoding: "utf8" },
  )
    .split("\0")
    .filter((file) => file && existsSync(join(ROOT, file)));
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(ROOT, file), join(copy, file));
  }
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, {
    cwd: copy,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ASTRO_TELEMETRY_DISABLED: "1",
      CI: "1",
    },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Every file under a folder of the copy, as paths relative to the copy. */
function filesUnder(folder: string): string[] {
  return readdirSync(join(copy, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(copy.length + 1));
}

test("the README's steps replace the demo sign-in and leave a project that type-checks and tests", () => {
  copyProject();
  const steps = run("bash", [
    "--norc",
    "--noprofile",
    "-e",
    "-o",
    "pipefail",
    "-c",
    replacementSteps(),
  ]);
  expect(steps.status, steps.output).toBe(0);
  expect(readFileSync(join(copy, "src/auth/index.ts"), "utf8")).not.toMatch(/demo-session/);

  // "Set signInUrl, supportSignInUrl and signOutUrl in src/auth/urls.ts to your provider's pages."
  const urls = join(copy, "src/auth/urls.ts");
  writeFileSync(
    urls,
    readFileSync(urls, "utf8")
      .replaceAll('"/login', '"/sign-in')
      .replaceAll('"/logout"', '"/sign-out"'),
  );

  // No page of the site still links to the demo's deleted pages.
  const linking = ["src/pages", "src/components", "src/layouts"]
    .flatMap(filesUnder)
    .filter((file) => /["'`]\/log(in|out)\b/.test(readFileSync(join(copy, file), "utf8")));
  expect(linking).toEqual([]);

  const check = run(process.execPath, ["node_modules/astro/bin/astro.mjs", "check"]);
  expect(check.status, check.output).toBe(0);
  // astro check covers test/ too, so no test imports a deleted file; the seam's own tests pass, and
  // doctor sees the new seam.
  const unit = run(process.execPath, [
    "node_modules/vitest/vitest.mjs",
    "run",
    "test/unit/auth.test.ts",
  ]);
  expect(unit.status, unit.output).toBe(0);
  const doctor = run(process.execPath, ["packages/astro-helpdesky/src/cli/main.ts", "doctor"]);
  // It starts from the site's middleware and follows it into the replaced seam.
  expect(doctor.output).toContain(
    "✓ src/middleware.ts uses your own auth provider, not the demo sign-in.",
  );
}, 300_000);
