import { describe, expect, test } from "vitest";
import { BodyAbortedError, BodyTooLargeError, readLimitedBody, readLimitedForm } from "../../src/integrations/helpdesky/contact/read-body.ts";
import { MAX_SIGN_IN_BODY_BYTES, readSignInPost } from "../../src/auth/read-sign-in.ts";

/** A streamed POST (no declared length) of `chunks`, which can end in an error as a vanished client's does. */
function streamed(chunks: Uint8Array[], { fail = false, type = "application/x-www-form-urlencoded" } = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled < chunks.length) controller.enqueue(chunks[pulled++]!);
      else if (fail) controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      else controller.close();
    },
  });
  const request = new Request("http://site.test/", { method: "POST", body, headers: { "content-type": type }, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

const kilobytes = (n: number) => new Uint8Array(n * 1024).fill(0x61);

describe("readLimitedBody", () => {
  test("refuses a declared length over the limit without reading a byte", async () => {
    const { request } = streamed([kilobytes(1)]);
    request.headers.set("content-length", "999999999");
    await expect(readLimitedBody(request, 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(request.bodyUsed).toBe(false);
  });

  test("stops reading a streamed body as soon as it passes the limit", async () => {
    const { request, pulled } = streamed(Array.from({ length: 100 }, () => kilobytes(4)));
    await expect(readLimitedBody(request, 8 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled()).toBeLessThanOrEqual(4);
  });

  test("reads a body at the limit exactly", async () => {
    const { request } = streamed([kilobytes(4), kilobytes(4)]);
    expect(await readLimitedBody(request, 8 * 1024)).toHaveLength(8 * 1024);
  });

  test("tells a client that vanished mid-body apart from any other failure", async () => {
    const { request } = streamed([kilobytes(1)], { fail: true });
    await expect(readLimitedBody(request, 8 * 1024)).rejects.toBeInstanceOf(BodyAbortedError);
  });
});

describe("readLimitedForm", () => {
  test("reads a URL-encoded form and leaves other types unread", async () => {
    const form = await readLimitedForm(streamed([new TextEncoder().encode("email=ada%40example.com")]).request, 1024);
    expect(form?.get("email")).toBe("ada@example.com");
    expect(await readLimitedForm(streamed([kilobytes(1)], { type: "application/json" }).request, 1024)).toBeNull();
  });
});

describe("readSignInPost", () => {
  test("reads the email and next path", async () => {
    const { request } = streamed([new TextEncoder().encode("email=ada%40example.com&next=%2Fsupport")]);
    expect(await readSignInPost(request)).toEqual({ kind: "form", email: "ada@example.com", next: "/support" });
  });

  test("refuses a body over a few KB", async () => {
    const { request, pulled } = streamed(Array.from({ length: 1000 }, () => kilobytes(1)));
    expect(await readSignInPost(request)).toEqual({ kind: "too_large" });
    expect(pulled()).toBeLessThanOrEqual(MAX_SIGN_IN_BODY_BYTES / 1024 + 2);
  });

  test("gives up quietly on a client that left", async () => {
    expect(await readSignInPost(streamed([kilobytes(1)], { fail: true }).request)).toEqual({ kind: "unreadable" });
  });
});
