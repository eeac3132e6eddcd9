import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { DatabaseSync } from "node:sqlite";
import { HELPDESKY_DATA_DIR } from "astro:env/server";

/** The data folder (git-ignored) that holds the stand-in's SQLite file. */
export const dataDir = resolve(HELPDESKY_DATA_DIR?.trim() || ".data");

/**
 * The stand-in's storage cannot open here: a runtime without `node:sqlite` or a writable disk
 * (workerd, for `@astrojs/cloudflare`); the stand-in then keeps its data in memory.
 */
export class StandinStorageUnavailableError extends Error {
  override name = "StandinStorageUnavailableError";
}

let database: DatabaseSync | undefined;

/**
 * The stand-in's one SQLite database, the local twin of Helpdesky's Messages inbox: Ticket Center
 * conversations and Contact Form messages live side by side in it. Opened on first use, so that
 * nothing touches the disk outside stand-in mode; each store creates its own tables.
 */
export async function standinDatabase(): Promise<DatabaseSync> {
  if (!database) {
    let sqlite: typeof import("node:sqlite");
    try {
      // Imported lazily: a Vercel function with real credentials never loads node:sqlite.
      sqlite = await import("node:sqlite");
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new StandinStorageUnavailableError(
        `The stand-in's SQLite file under ${dataDir} cannot be opened on this runtime (${(error as Error).message}).`,
      );
    }
    database = new sqlite.DatabaseSync(resolve(dataDir, "helpdesky-standin.sqlite"));
    database.exec("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 2000;");
  }
  return database;
}
