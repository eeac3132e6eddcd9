import type { InboxMessage } from "../contact/local-inbox.ts";
import type { ConversationStore, StandinConversation } from "./conversation-store.ts";

/** Beyond these, the oldest go first: the stand-in is a local tool, its memory stays bounded. */
export const MEMORY_MAX_CONVERSATIONS = 500;
export const MEMORY_MAX_MESSAGES_PER_CONVERSATION = 200;
export const MEMORY_MAX_INBOX_MESSAGES = 500;

let reported = false;

/** Says once why the stand-in keeps its data in memory (a runtime without SQLite: workerd). */
export function reportMemoryStorage(reason: string): void {
  if (reported) return;
  reported = true;
  console.warn(
    `[helpdesky] ${reason} The stand-in keeps its conversations and inbox in this process's memory until it restarts.`,
  );
}

/**
 * The stand-in's Ticket Center conversations in memory, where its SQLite cannot open: the same
 * answers as the SQLite store (most recently active first, messages oldest first, per email).
 */
export function createMemoryConversationStore(
  now: () => Date = () => new Date(),
): ConversationStore {
  const conversations: (StandinConversation & { email: string })[] = [];
  let nextConversationId = 1;
  let nextMessageId = 1;
  const view = ({ email: _email, ...conversation }: StandinConversation & { email: string }) =>
    structuredClone(conversation);
  const find = (email: string, id: number) =>
    conversations.find((conversation) => conversation.id === id && conversation.email === email);

  return {
    list(email) {
      return conversations
        .filter((conversation) => conversation.email === email)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id)
        .map(view);
    },
    start(email, subject, body) {
      const at = now().toISOString();
      const conversation = {
        id: nextConversationId++,
        email,
        subject,
        createdAt: at,
        updatedAt: at,
        messages: [{ id: nextMessageId++, author: "customer" as const, body, createdAt: at }],
      };
      conversations.push(conversation);
      if (conversations.length > MEMORY_MAX_CONVERSATIONS) conversations.shift();
      return view(conversation);
    },
    reply(email, conversationId, body) {
      const conversation = find(email, conversationId);
      if (!conversation) return null;
      const at = now().toISOString();
      conversation.messages.push({ id: nextMessageId++, author: "customer", body, createdAt: at });
      if (conversation.messages.length > MEMORY_MAX_MESSAGES_PER_CONVERSATION)
        conversation.messages.shift();
      conversation.updatedAt = at;
      return view(conversation);
    },
  };
}

const inbox: InboxMessage[] = [];
let nextInboxId = 1;

/** The stand-in's Contact Form inbox in memory; a repeated idempotency key is a no-op. */
export const memoryInbox = {
  add(message: Omit<InboxMessage, "id">): void {
    if (inbox.some((stored) => stored.idempotencyKey === message.idempotencyKey)) return;
    inbox.push({ id: nextInboxId++, ...message });
    if (inbox.length > MEMORY_MAX_INBOX_MESSAGES) inbox.shift();
  },
  /** Newest first. */
  list(limit: number): InboxMessage[] {
    return inbox.slice(-limit).reverse();
  },
};
