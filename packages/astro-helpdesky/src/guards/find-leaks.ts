import { resolve, sep } from "node:path";
import { filesContaining } from "./scan-files.ts";

/** Secrets shorter than this would match by accident, so they are not searched for. */
export const MIN_SCANNABLE_LENGTH = 8;

/** Where a build put its files, as absolute paths. */
export interface BuildOutput {
  /** Folders whose files a browser can download (client output, prerendered HTML, Vercel static). */
  publicDirs: string[];
  /** Every folder the build wrote; files outside `publicDirs` count as server code. */
  roots: string[];
  /** Paths in reports are relative to this folder (the project root). */
  base: string;
}

export interface LeakFindings {
  publicFiles: string[];
  serverFiles: string[];
}

/** The strings to search for: the secret as set and, when they differ, its trimmed form. */
export function secretNeedles(secret: string | undefined): string[] {
  if (!secret) return [];
  const needles = new Set([secret, secret.trim()]);
  return [...needles].filter((needle) => needle.length >= MIN_SCANNABLE_LENGTH);
}

/** Files of a build holding the secret, split into browser-downloadable ones and server code. */
export function findLeaks(output: BuildOutput, needles: string[]): LeakFindings {
  const roots = outermost(output.roots.map((root) => resolve(root)));
  const publicDirs = output.publicDirs.map((dir) => resolve(dir));
  const found = new Set(roots.flatMap((root) => filesContaining(root, needles, output.base)));
  const isPublic = (file: string) =>
    publicDirs.some((dir) => isInside(resolve(output.base, file), dir));
  return {
    publicFiles: [...found].filter(isPublic),
    serverFiles: [...found].filter((file) => !isPublic(file)),
  };
}

function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

// A folder inside another one would be scanned twice.
function outermost(dirs: string[]): string[] {
  const unique = [...new Set(dirs)];
  return unique.filter((dir) => !unique.some((other) => other !== dir && isInside(dir, other)));
}
