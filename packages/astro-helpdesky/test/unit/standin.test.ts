import { DatabaseSync } from "node:sqlite";
import { beforeEach, describe, expect, test } from "vitest";
import { handleStandinApi, type StandinApiContext } from "../../src/standin/api.ts";
import {
  createConversationStore,
  type ConversationStore,
} from "../../src/standin/conversation-store.ts";
import { createMemoryConversationStore } from "../../src/standin/memory-storage.ts";
import { verifySignature } from "../../src/standin/verify-signature.ts";
import { signEmail } from "../../src/sign.ts";

const SECRET = "standin-test-secret";

describe("verifySignature", () => {
  const signature = signEmail("ada@example.com", SECRET);

  test("accepts the HMAC of the email under the secret", async () => {
    expect(await verifySignature("ada@example.com", signature, SECRET)).toBe(true);
  });

  test.each([
    ["another email", "bob@example.com", signature, SECRET],
    ["the same email in another case", "Ada@example.com", signature, SECRET],
    ["another secret", "ada@example.com", signature, "another-secret"],
    [
      "one changed digit",
      "ada@example.com",
      signature.replace(/^./, (c) => (c === "0" ? "1" : "0")),
      SECRET,
    ],
    ["a shorter signature", "ada@example.com", signature.slice(0, -1), SECRET],
    ["an upper-case signature", "ada@example.com", signature.toUpperCase(), SECRET],
    ["an empty signature", "ada@example.com", "", SECRET],
    ["an email that cannot be signed", "ada@example.com\n", signature, SECRET],
  ])("refuses %s", async (_name, email, given, secret) => {
    expect(await verifySignature(email, given, secret)).toBe(false);
  });
});

describe.each([
  ["SQLite", (now: () => Date) => createConversationStore(new DatabaseSync(":memory:"), now)],
  // Where node:sqlite is missing (workerd), the same answers from memory.
  ["memory", (now: () => Date) => createMemoryConversationStore(now)],
])("conversation store (%s)", (_kind, createStore) => {
  let store: ConversationStore;
  let clock: number;

  beforeEach(() => {
    clock = Date.UTC(2026, 10, 1);
    store = createStore(() => new Date((clock += 1000)));
  });

  test("starts with no conversations", () => {
    expect(store.list("ada@example.com")).toEqual([]);
  });

  test("keeps conversations per email, each with its first message", () => {
    const started = store.start("ada@example.com", "Billing", "I was charged twice.");
    store.start("bob@example.com", "Login", "Cannot sign in.");
    expect(store.list("ada@example.com")).toEqual([started]);
    expect(started).toMatchObject({
      subject: "Billing",
      messages: [{ author: "customer", body: "I was charged twice." }],
    });
    expect(store.list("bob@example.com").map((c) => c.subject)).toEqual(["Login"]);
    // Emails are matched exactly, as Helpdesky does.
    expect(store.list("Ada@example.com")).toEqual([]);
  });

  test("a reply is added in order and moves the conversation to the top", () => {
    const first = store.start("ada@example.com", "First", "one");
    store.start("ada@example.com", "Second", "two");
    expect(store.list("ada@example.com").map((c) => c.subject)).toEqual(["Second", "First"]);
    const replied = store.reply("ada@example.com", first.id, "one, again");
    expect(replied?.messages.map((m) => m.body)).toEqual(["one", "one, again"]);
    expect(store.list("ada@example.com").map((c) => c.subject)).toEqual(["First", "Second"]);
  });

  test("nobody can reply to another email's conversation", () => {
    const conversation = store.start("ada@example.com", "Private", "secret");
    expect(store.reply("bob@example.com", conversation.id, "hello")).toBeNull();
    expect(store.list("ada@example.com")[0]!.messages).toHaveLength(1);
  });

  test("survives being created twice on the same database", () => {
    const db = new DatabaseSync(":memory:");
    createConversationStore(db).start("ada@example.com", "Kept", "yes");
    expect(createConversationStore(db).list("ada@example.com")).toHaveLength(1);
  });
});

describe("stand-in API", () => {
  const context: StandinApiContext = {
    secret: SECRET,
    helpdeskId: "local-standin",
    store: async () => store,
  };
  let store: ConversationStore;

  beforeEach(() => {
    store = createConversationStore(new DatabaseSync(":memory:"));
  });

  function call(
    path: string,
    {
      method = "GET",
      email = "zoë@example.com",
      signature,
      body,
    }: {
      method?: string;
      email?: string;
      signature?: string;
      body?: unknown;
    } = {},
  ) {
    const request = new Request(`http://127.0.0.1/helpdesky-standin/api/${path}`, {
      method,
      headers: {
        "Content-Type": "application/json",
        "X-Helpdesky-Helpdesk-Id": "local-standin",
        "X-Helpdesky-Email": encodeURIComponent(email),
        "X-Helpdesky-Signature": signature ?? signEmail(email, SECRET),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return handleStandinApi(request, path, context);
  }

  test("verifies a session, a non-ASCII email included", async () => {
    const response = await call("session", { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email: "zoë@example.com" });
  });

  test("answers a bad signature with 401 on every call, and stores nothing", async () => {
    const bad = signEmail("other@example.com", SECRET);
    for (const [path, method] of [
      ["session", "POST"],
      ["conversations", "GET"],
      ["conversations", "POST"],
    ] as const) {
      const response = await call(path, {
        method,
        signature: bad,
        body: method === "POST" ? { subject: "s", body: "b" } : undefined,
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "authentication_failed" });
    }
    expect(store.list("zoë@example.com")).toEqual([]);
  });

  test("refuses a body over 32 KB with 413, and stores nothing", async () => {
    const huge = "x".repeat(40 * 1024);
    expect(
      (await call("conversations", { method: "POST", body: { subject: "s", body: huge } })).status,
    ).toBe(413);
    expect(
      (await call("conversations/1/messages", { method: "POST", body: { body: huge } })).status,
    ).toBe(413);
    expect(store.list("zoë@example.com")).toEqual([]);
  });

  test("takes a subject and a message at their limits, however they are escaped", async () => {
    // Each control character takes six bytes in JSON (\u0001): the largest body the script can send.
    const response = await call("conversations", {
      method: "POST",
      body: { subject: "\u0001".repeat(200), body: "\u0001".repeat(5000) },
    });
    expect(response.status).toBe(201);
  });

  test("refuses another helpdesk's ID", async () => {
    const request = new Request("http://127.0.0.1/helpdesky-standin/api/session", {
      method: "POST",
      headers: {
        "X-Helpdesky-Helpdesk-Id": "someone-else",
        "X-Helpdesky-Email": "ada%40example.com",
        "X-Helpdesky-Signature": signEmail("ada@example.com", SECRET),
      },
    });
    expect((await handleStandinApi(request, "session", context)).status).toBe(401);
  });

  test("starts, lists and replies to conversations of the signed email only", async () => {
    const started = await call("conversations", {
      method: "POST",
      body: { subject: "  Refund ", body: "Please." },
    });
    expect(started.status).toBe(201);
    const { conversation } = (await started.json()) as {
      conversation: { id: number; subject: string };
    };
    expect(conversation.subject).toBe("Refund");

    const reply = await call(`conversations/${conversation.id}/messages`, {
      method: "POST",
      body: { body: "Any news?" },
    });
    expect(reply.status).toBe(201);

    const listed = (await (await call("conversations")).json()) as {
      conversations: { messages: unknown[] }[];
    };
    expect(listed.conversations).toHaveLength(1);
    expect(listed.conversations[0]!.messages).toHaveLength(2);

    const stranger = await call(`conversations/${conversation.id}/messages`, {
      method: "POST",
      email: "mallory@example.com",
      body: { body: "hi" },
    });
    expect(stranger.status).toBe(404);
    expect(await (await call("conversations", { email: "mallory@example.com" })).json()).toEqual({
      conversations: [],
    });
  });

  test.each([
    ["an empty subject", { subject: " ", body: "text" }],
    ["a missing body", { subject: "Hi" }],
    ["a subject over 200 characters", { subject: "x".repeat(201), body: "text" }],
  ])("refuses a conversation with %s", async (_name, body) => {
    const response = await call("conversations", { method: "POST", body });
    expect(response.status).toBe(422);
    expect(store.list("zoë@example.com")).toEqual([]);
  });
});
