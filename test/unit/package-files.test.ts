import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";

// What an adopter's install holds beside the code: the license the package.json names, and the
// changelog that says what changed between the versions they move across.
const ROOT = resolve(import.meta.dirname, "../..");
const PACKAGE_DIR = join(ROOT, "packages/astro-helpdesky");

function packedFiles(): string[] {
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: PACKAGE_DIR,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [packed] = JSON.parse(output) as [{ files: { path: string }[] }];
  return packed.files.map((file) => file.path);
}

test("the tarball carries the license, the changelog and the README", () => {
  expect(packedFiles()).toEqual(expect.arrayContaining(["LICENSE", "CHANGELOG.md", "README.md"]));
});

test("the package's license is the repository's, under the license its package.json names", () => {
  const license = readFileSync(join(PACKAGE_DIR, "LICENSE"), "utf8");
  expect(license).toBe(readFileSync(join(ROOT, "LICENSE"), "utf8"));
  const { license: declared } = JSON.parse(
    readFileSync(join(PACKAGE_DIR, "package.json"), "utf8"),
  ) as { license: string };
  expect(declared).toBe("MIT");
  expect(license).toMatch(/^MIT License\n/);
});

test("the changelog's latest entry is the package's version", () => {
  const { version } = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as {
    version: string;
  };
  const changelog = readFileSync(join(PACKAGE_DIR, "CHANGELOG.md"), "utf8");
  expect(changelog.match(/^## (\S+)$/m)?.[1]).toBe(version);
});
