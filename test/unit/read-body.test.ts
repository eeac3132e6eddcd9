import { describe, expect, test } from "vitest";
import {
  BodyAbortedError,
  BodyTooLargeError,
  readLimitedBody,
  readLimitedForm,
} from "../../packages/astro-helpdesky/src/contact/read-body.ts";
import { MAX_SIGN_IN_BODY_BYTES, readSignInPost } from "../../src/auth/read-sign-in.ts";

/** A streamed POST (no declared length) of `chunks`, which can end in an error as a vanished client's does. */
function streamed(
  chunks: Uint8Array[],
  { fail = false, type = "application/x-www-form-urlencoded" } = {},
) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled < chunks.length) controller.enqueue(chunks[pulled++]!);
      else if (fail) controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      else controller.close();
    },
  });
  const request = new Request("http://site.test/", {
    method: "POST",
    body,
    headers: { "content-type": type },
    duplex: "half",
  } as RequestInit);
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
    const form = await readLimitedForm(
      streamed([new TextEncoder().encode("email=ada%40example.com")]).request,
      1024,
    );
    expect(form?.get("email")).toBe("ada@example.com");
    expect(
      await readLimitedForm(streamed([kilobytes(1)], { type: "application/json" }).request, 1024),
    ).toBeNull();
  });
});

describe("readSignInPost", () => {
  test("reads the email and next path", async () => {
    const { request } = streamed([
      new TextEncoder().encode("email=ada%40example.com&next=%2Fsupport"),
    ]);
    expect(await readSignInPost(request)).toEqual({
      kind: "form",
      email: "ada@example.com",
      next: "/support",
    });
  });

  test("refuses a body over a few KB", async () => {
    const { request, pulled } = streamed(Array.from({ length: 1000 }, () => kilobytes(1)));
    expect(await readSignInPost(request)).toEqual({ kind: "too_large" });
    expect(pulled()).toBeLessThanOrEqual(MAX_SIGN_IN_BODY_BYTES / 1024 + 2);
  });

  test("gives up quietly on a client that left", async () => {
    expect(await readSignInPost(streamed([kilobytes(1)], { fail: true }).request)).toEqual({
      kind: "unreadable",
    });
  });
});

describe("request bodies at their edges", () => {
  const post = (body: BodyInit | null, headers: Record<string, string>) =>
    new Request("http://site.test/", { method: "POST", body, headers });

  test("a declared length of the limit exactly is read", async () => {
    const request = post("a".repeat(1024), {
      "content-type": "text/plain",
      "content-length": "1024",
    });
    expect(await readLimitedBody(request, 1024)).toHaveLength(1024);
  });

  test("a request without a body is an empty one", async () => {
    expect(await readLimitedBody(new Request("http://site.test/", { method: "POST" }), 1024)).toBe(
      "",
    );
  });

  test.each([
    [
      "URL-encoded, with parameters and odd case",
      "Application/X-WWW-Form-URLencoded ; charset=UTF-8",
      "email=ada%40example.com",
    ],
    ["URL-encoded, padded", "  application/x-www-form-urlencoded", "email=ada%40example.com"],
  ])("reads a form %s", async (_label, type, body) => {
    const form = await readLimitedForm(post(body, { "content-type": type }), 1024);
    expect(form?.get("email")).toBe("ada@example.com");
  });

  test("reads a multipart form as one, not as URL-encoded text", async () => {
    const sent = new FormData();
    sent.set("email", "ada@example.com");
    sent.set("message", "a=b&email=eve@example.com");
    const encoded = new Request("http://site.test/", { method: "POST", body: sent });
    const form = await readLimitedForm(encoded, 4096);
    expect(form?.get("email")).toBe("ada@example.com");
    expect(form?.get("message")).toBe("a=b&email=eve@example.com");
  });

  test.each([
    ["JSON", "application/json", '{"email":"ada@example.com"}'],
    ["plain text that looks like a form", "text/plain", "email=ada%40example.com"],
    ["no type at all", undefined, "email=ada%40example.com"],
  ])("refuses %s as a form", async (_label, type, body) => {
    const request = new Request("http://site.test/", {
      method: "POST",
      body: new TextEncoder().encode(body),
      headers: type ? { "content-type": type } : {},
    });
    expect(await readLimitedForm(request, 1024)).toBeNull();
  });

  test("a multipart body that cannot be parsed is no form, not a crash", async () => {
    const request = post("--x\r\nnot a part", {
      "content-type": "multipart/form-data; boundary=x",
    });
    expect(await readLimitedForm(request, 1024)).toBeNull();
  });
});
