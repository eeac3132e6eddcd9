import type { DatabaseSync } from "node:sqlite";

export interface StandinMessage {
  id: number;
  author: "customer" | "agent";
  body: string;
  createdAt: string;
}

export interface StandinConversation {
  id: number;
  subject: string;
  createdAt: string;
  updatedAt: string;
  messages: StandinMessage[];
}

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_BODY_LENGTH = 5000;

/** The stand-in's Ticket Center conversations, kept per email in the shared stand-in database. */
export interface ConversationStore {
  /** The email's conversations, most recently active first, each with its messages oldest first. */
  list(email: string): StandinConversation[];
  /** Starts a conversation with its first message; returns it. */
  start(email: string, subject: string, body: string): StandinConversation;
  /** Adds the customer's reply to one of the email's conversations; null when it is not theirs. */
  reply(email: string, conversationId: number, body: string): StandinConversation | null;
}

interface ConversationRow {
  id: number;
  subject: string;
  created_at: string;
  updated_at: string;
}

interface MessageRow {
  id: number;
  conversation_id: number;
  author: "customer" | "agent";
  body: string;
  created_at: string;
}

/** Creates the tables when missing and returns the store over them. */
export function createConversationStore(
  db: DatabaseSync,
  now: () => Date = () => new Date(),
): ConversationStore {
  db.exec(`
    CREATE TABLE IF NOT EXISTS standin_conversations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      email TEXT NOT NULL,
      subject TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS standin_conversations_email ON standin_conversations (email, updated_at);
    CREATE TABLE IF NOT EXISTS standin_messages (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      conversation_id INTEGER NOT NULL REFERENCES standin_conversations (id),
      author TEXT NOT NULL CHECK (author IN ('customer', 'agent')),
      body TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
  `);

  const selectConversations = db.prepare(
    "SELECT id, subject, created_at, updated_at FROM standin_conversations WHERE email = ? ORDER BY updated_at DESC, id DESC",
  );
  const selectConversation = db.prepare(
    "SELECT id, subject, created_at, updated_at FROM standin_conversations WHERE email = ? AND id = ?",
  );
  const selectMessages = db.prepare(
    "SELECT id, conversation_id, author, body, created_at FROM standin_messages WHERE conversation_id = ? ORDER BY id",
  );
  const insertConversation = db.prepare(
    "INSERT INTO standin_conversations (email, subject, created_at, updated_at) VALUES (?, ?, ?, ?)",
  );
  const insertMessage = db.prepare(
    "INSERT INTO standin_messages (conversation_id, author, body, created_at) VALUES (?, 'customer', ?, ?)",
  );
  const touchConversation = db.prepare(
    "UPDATE standin_conversations SET updated_at = ? WHERE id = ?",
  );

  function hydrate(row: ConversationRow): StandinConversation {
    const messages = (selectMessages.all(row.id) as unknown as MessageRow[]).map((message) => ({
      id: message.id,
      author: message.author,
      body: message.body,
      createdAt: message.created_at,
    }));
    return {
      id: row.id,
      subject: row.subject,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      messages,
    };
  }

  function find(email: string, id: number): StandinConversation | null {
    const row = selectConversation.get(email, id) as unknown as ConversationRow | undefined;
    return row ? hydrate(row) : null;
  }

  return {
    list(email) {
      return (selectConversations.all(email) as unknown as ConversationRow[]).map(hydrate);
    },
    start(email, subject, body) {
      const at = now().toISOString();
      db.exec("BEGIN");
      try {
        const { lastInsertRowid } = insertConversation.run(email, subject, at, at);
        insertMessage.run(lastInsertRowid, body, at);
        db.exec("COMMIT");
        return find(email, Number(lastInsertRowid))!;
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      }
    },
    reply(email, conversationId, body) {
      if (!find(email, conversationId)) return null;
      const at = now().toISOString();
      insertMessage.run(conversationId, body, at);
      touchConversation.run(at, conversationId);
      return find(email, conversationId);
    },
  };
}
