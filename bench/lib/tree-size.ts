import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface TreeSize {
  bytes: number;
  files: number;
  /** Bytes per package under node_modules ("@scope/name" or "name"); "(own code)" for the rest. */
  byPackage: Record<string, number>;
}

/** The package a path inside a function folder belongs to. */
function packageOf(path: string): string {
  const parts = path.split(sep);
  const at = parts.lastIndexOf("node_modules");
  if (at === -1) return "(own code)";
  const name = parts[at + 1] ?? "";
  return name.startsWith("@") ? `${name}/${parts[at + 2]}` : name;
}

/**
 * What a deploy would upload from a folder: every file, symlinks followed (statSync follows them),
 * so a linked node_modules counts at its real size.
 */
export function treeSize(root: string): TreeSize {
  const out: TreeSize = { bytes: 0, files: 0, byPackage: {} };
  const walk = (dir: string, depth: number) => {
    if (depth > 64) throw new Error(`Too deep (a symlink loop?): ${dir}`);
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path, depth + 1);
      else if (stat.isFile()) {
        out.bytes += stat.size;
        out.files += 1;
        const pkg = packageOf(relative(root, path));
        out.byPackage[pkg] = (out.byPackage[pkg] ?? 0) + stat.size;
      }
    }
  };
  walk(root, 0);
  return out;
}
