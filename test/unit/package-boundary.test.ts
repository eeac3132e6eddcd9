import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { expect, test } from "vitest";

// The demo site uses the package as any adopter would: through its name and the subpaths its
// package.json exports, never a path into its folder. Otherwise the site could lean on internals
// that an installed copy does not offer, and the demo would stop proving the package works.
const ROOT = resolve(import.meta.dirname, "../..");
const PACKAGE_DIR = join(ROOT, "packages/astro-helpdesky");
const { name, exports } = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, unknown>;
};
const SITE_SOURCES = ["src", "scripts", "bench", "astro.config.mjs"];
const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|reference\s+(?:path|types)=)["']([^"']+)["']/g;

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (/\.(ts|tsx|mts|mjs|js|astro)$/.test(path)) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|mjs|js|astro)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${join(ROOT, "bench/results")}`));
}

/** Each specifier in `file` that reaches into the package other than through its exports. */
export function boundaryViolations(file: string, source: string): string[] {
  const found: string[] = [];
  for (const [, specifier] of source.matchAll(SPECIFIER)) {
    if (specifier!.startsWith(".")) {
      const target = resolve(file, "..", specifier!);
      if (target === PACKAGE_DIR || target.startsWith(`${PACKAGE_DIR}/`)) found.push(specifier!);
    } else if (specifier === name || specifier!.startsWith(`${name}/`)) {
      const subpath = specifier === name ? "." : `.${specifier!.slice(name.length)}`;
      if (!(subpath in exports)) found.push(specifier!);
    }
  }
  return found;
}

test("the site reaches the package only through the subpaths it exports", () => {
  const violations = SITE_SOURCES.flatMap(filesUnder).flatMap((file) =>
    boundaryViolations(file, readFileSync(file, "utf8")).map(
      (specifier) => `${relative(ROOT, file)}: ${specifier}`,
    ),
  );
  expect(violations).toEqual([]);
});

test("a relative path into the package, or a subpath it does not export, is caught", () => {
  const page = join(ROOT, "src/pages/support.astro");
  expect(
    boundaryViolations(page, 'import X from "../../packages/astro-helpdesky/src/island/boot.ts";'),
  ).toHaveLength(1);
  expect(boundaryViolations(page, 'import X from "astro-helpdesky/src/sign.ts";')).toHaveLength(1);
  expect(
    boundaryViolations(page, 'import { TicketCenter } from "astro-helpdesky/components";'),
  ).toEqual([]);
});
