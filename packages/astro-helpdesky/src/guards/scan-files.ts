import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * The files under `dir` (recursively, symbolic links not followed) whose bytes contain any of
 * `needles`, as paths relative to `base`. Files are compared as bytes, so maps, HTML, JSON and
 * binaries are all covered.
 */
export function filesContaining(dir: string, needles: string[], base: string): string[] {
  if (!existsSync(dir) || needles.length === 0) return [];
  const patterns = needles.map((needle) => Buffer.from(needle, "utf8"));
  const hits: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    if (patterns.some((pattern) => bytes.includes(pattern))) hits.push(relative(base, path));
  }
  return hits.sort();
}
