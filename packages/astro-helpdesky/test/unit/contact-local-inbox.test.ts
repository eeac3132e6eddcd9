import { DatabaseSync } from "node:sqlite";
import { describe, expect, test } from "vitest";
import { listInboxMessages, localInboxDelivery } from "../../src/contact/local-inbox.ts";
import { contactMailto } from "../../src/contact/mailto.ts";

const message = {
  name: "Zoë",
  email: "zoe@example.com",
  subject: "Hi",
  message: "<b>not bold</b>",
  source: "/contact",
};

describe("the local inbox", () => {
  test("stores a message once per idempotency key", async () => {
    const database = new DatabaseSync(":memory:");
    const open = async () => database;
    const inbox = localInboxDelivery(open);
    const receivedAt = new Date("2026-11-25T12:00:00Z");
    for (const key of ["d-1", "d-1", "c-2"])
      expect(await inbox.deliver({ idempotencyKey: key, receivedAt, message })).toEqual({
        ok: true,
      });
    const stored = await listInboxMessages(open);
    expect(stored.map((row) => row.idempotencyKey)).toEqual(["c-2", "d-1"]);
    expect(stored[0]).toMatchObject({ ...message, receivedAt: "2026-11-25T12:00:00.000Z" });
  });

  test("reports a storage failure instead of claiming success", async () => {
    const inbox = localInboxDelivery(async () => {
      throw new Error("disk full");
    });
    expect(
      await inbox.deliver({ idempotencyKey: "d-1", receivedAt: new Date(), message }),
    ).toMatchObject({ ok: false });
  });
});

describe("contactMailto", () => {
  test.each([
    [
      { subject: "Billing & tax", message: "Line 1\nLine 2 = ok?" },
      "mailto:help@acme.example?subject=Billing%20%26%20tax&body=Line%201%0ALine%202%20%3D%20ok%3F",
    ],
    [
      { message: "Hi" },
      "mailto:help@acme.example?subject=Message%20from%20the%20contact%20form&body=Hi",
    ],
  ])("fills in the subject and message: %j", (values, href) => {
    expect(contactMailto("help@acme.example", values)).toBe(href);
  });

  test("shortens a long message to what mail clients accept", () => {
    const href = contactMailto("help@acme.example", { message: "x".repeat(5000) });
    expect(href.length).toBeLessThan(2000);
  });
});
