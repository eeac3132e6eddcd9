import type { DatabaseSync } from "node:sqlite";
import { StandinStorageUnavailableError } from "../standin/database.ts";
import { memoryInbox, reportMemoryStorage } from "../standin/memory-storage.ts";
import type { ContactDelivery } from "./delivery.ts";

/** A message as the stand-in inbox stores it. */
export interface InboxMessage {
  id: number;
  idempotencyKey: string;
  receivedAt: string;
  name: string;
  email: string;
  subject: string;
  message: string;
  source: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS contact_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    source TEXT NOT NULL
  )`;

const prepared = new WeakSet<DatabaseSync>();

function ready(database: DatabaseSync): DatabaseSync {
  if (!prepared.has(database)) {
    database.exec(SCHEMA);
    prepared.add(database);
  }
  return database;
}

/** Stores messages in the stand-in's SQLite inbox; the unique key makes a repeat a no-op. */
export function localInboxDelivery(open: () => Promise<DatabaseSync>): ContactDelivery {
  return {
    kind: "local-inbox",
    async deliver({ idempotencyKey, receivedAt, message }) {
      try {
        let database: DatabaseSync;
        try {
          database = ready(await open());
        } catch (error) {
          if (!(error instanceof StandinStorageUnavailableError)) throw error;
          reportMemoryStorage(error.message);
          memoryInbox.add({
            idempotencyKey,
            receivedAt: receivedAt.toISOString(),
            name: message.name,
            email: message.email,
            subject: message.subject,
            message: message.message,
            source: message.source,
          });
          return { ok: true };
        }
        database
          .prepare(
            `INSERT INTO contact_messages (idempotency_key, received_at, name, email, subject, message, source)
             VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
          )
          .run(
            idempotencyKey,
            receivedAt.toISOString(),
            message.name,
            message.email,
            message.subject,
            message.message,
            message.source,
          );
        return { ok: true };
      } catch (error) {
        return {
          ok: false,
          reason: "rejected",
          detail: `the local inbox could not store it (${(error as Error).message})`,
        };
      }
    },
  };
}

/** The stored messages, newest first. */
export async function listInboxMessages(
  open: () => Promise<DatabaseSync>,
  limit = 200,
): Promise<InboxMessage[]> {
  let database: DatabaseSync;
  try {
    database = ready(await open());
  } catch (error) {
    if (!(error instanceof StandinStorageUnavailableError)) throw error;
    reportMemoryStorage(error.message);
    return memoryInbox.list(limit);
  }
  const rows = database
    .prepare(
      `SELECT id, idempotency_key AS idempotencyKey, received_at AS receivedAt, name, email, subject, message, source
       FROM contact_messages ORDER BY id DESC LIMIT ?`,
    )
    .all(limit);
  return rows as unknown as InboxMessage[];
}
