import { existsSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

export interface StoredMessage {
  name: string;
  email: string;
  subject: string;
  message: string;
  source: string;
}

/** The stand-in inbox rows holding this exact message text, read straight from the server's SQLite file. */
export function inboxRows(dataDir: string, message: string): StoredMessage[] {
  const file = join(dataDir, "helpdesky-standin.sqlite");
  if (!existsSync(file)) return [];
  const database = new DatabaseSync(file, { readOnly: true });
  try {
    const table = database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'contact_messages'")
      .get();
    if (!table) return [];
    return database
      .prepare(
        "SELECT name, email, subject, message, source FROM contact_messages WHERE message = ?",
      )
      .all(message) as unknown as StoredMessage[];
  } finally {
    database.close();
  }
}
