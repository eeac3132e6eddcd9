import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseEnv } from "node:util";

/** One variable as the build sees it, and where its value came from. */
export interface EnvEntry {
  value: string;
  /** `.env.local`, `.env.production`…, or `the environment` for a variable set outside any file. */
  source: string;
}

/** The files Vite reads for a mode, lowest priority first. */
export function envFilesFor(mode: string): string[] {
  return [".env", ".env.local", `.env.${mode}`, `.env.${mode}.local`];
}

/**
 * Reads the environment the way Vite (and so Astro) does for a mode: the `.env` files of `envDir`,
 * later files overriding earlier ones, and variables already set in the environment overriding
 * every file. `envDir: false` turns the files off, as in Vite. (No `$VAR` expansion.)
 */
export function loadEnvLikeVite(
  mode: string,
  envDir: string | false,
  processEnv: NodeJS.ProcessEnv = process.env,
): Map<string, EnvEntry> {
  const entries = new Map<string, EnvEntry>();
  if (envDir !== false) {
    for (const file of envFilesFor(mode)) {
      const path = join(envDir, file);
      if (!existsSync(path)) continue;
      for (const [name, value] of Object.entries(parseEnv(readFileSync(path, "utf8")))) {
        if (value !== undefined) entries.set(name, { value, source: file });
      }
    }
  }
  for (const [name, value] of Object.entries(processEnv)) {
    // Astro copies .env values into process.env; an equal value is reported under its file.
    if (value !== undefined && entries.get(name)?.value !== value) {
      entries.set(name, { value, source: "the environment" });
    }
  }
  return entries;
}

/** The folder Vite reads `.env` files from for a config: `vite.envDir`, else the project root. */
export function envDirOf(root: string, viteEnvDir: unknown): string | false {
  if (viteEnvDir === false) return false;
  return typeof viteEnvDir === "string" ? resolve(root, viteEnvDir) : root;
}
