import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Where the site asks "who is signed in?" (see the site's src/auth/index.ts). */
export const AUTH_SEAM = "src/auth/index.ts";

export type AuthSeamState = "demo" | "custom" | "missing";

/** Whether the site's auth seam still uses the demo sign-in: it imports demo-session. */
export function readAuthSeam(cwd: string): AuthSeamState {
  const path = join(cwd, AUTH_SEAM);
  if (!existsSync(path)) return "missing";
  const source = readFileSync(path, "utf8");
  return /from\s+["'][^"']*demo-session(\.ts|\.js)?["']/.test(source) ? "demo" : "custom";
}
