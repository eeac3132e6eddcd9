import { describe, expect, test } from "vitest";
import { apiBody, apiResponse } from "../../src/contact/api-response.ts";
import { formPostResult } from "../../src/contact/form-post.ts";
import type { ContactOutcome } from "../../src/contact/submission.ts";

const typed = {
  values: { name: "Ada", email: "ada@example.com", subject: "Hi", message: "Help <please>" },
  source: "/contact",
};

const outcomes: Array<[string, ContactOutcome, number, Record<string, unknown>]> = [
  ["sent", { status: 200, kind: "sent", ...typed }, 200, { status: "sent" }],
  [
    "invalid",
    { status: 400, kind: "invalid", errors: { email: "Enter your email address." }, ...typed },
    400,
    {
      error: "invalid",
      message: "Your message was not sent yet: please correct the fields marked below.",
      fields: { email: "Enter your email address." },
    },
  ],
  [
    "rate limited",
    { status: 429, kind: "rate_limited", retryAfterSeconds: 30, ...typed },
    429,
    {
      error: "rate_limited",
      message:
        "Too many messages were sent from your connection. Your message was not sent: please wait 30 seconds and send it again.",
      retryAfter: 30,
    },
  ],
  [
    "delivery failed",
    { status: 502, kind: "delivery_failed", supportEmail: "help@acme.example", ...typed },
    502,
    {
      error: "delivery_failed",
      message:
        "Your message could not be delivered, so it was not sent. Please try again in a moment.",
      mailto: {
        email: "help@acme.example",
        href: "mailto:help@acme.example?subject=Hi&body=Help%20%3Cplease%3E",
      },
    },
  ],
  [
    "not configured, no support address",
    { status: 503, kind: "not_configured", supportEmail: "", ...typed },
    503,
    {
      error: "not_configured",
      message: "Support by form is not set up yet, so your message was not sent.",
      mailto: null,
    },
  ],
  [
    "key used for another message",
    { status: 409, kind: "key_reused", ...typed },
    409,
    {
      error: "key_reused",
      message: "Something went wrong, so your message was not sent. Please try again.",
    },
  ],
  [
    "too large",
    { status: 413, kind: "too_large" },
    413,
    {
      error: "too_large",
      message: "Your message is too large, so it was not sent. Please shorten it and try again.",
    },
  ],
  [
    "delivery timed out",
    { status: 504, kind: "delivery_uncertain", supportEmail: "help@acme.example", ...typed },
    504,
    {
      error: "delivery_uncertain",
      message:
        "Your message may not have been sent: the support service did not answer in time. Please send it again in a moment.",
      mailto: {
        email: "help@acme.example",
        href: "mailto:help@acme.example?subject=Hi&body=Help%20%3Cplease%3E",
      },
    },
  ],
];

describe("the JSON API's answers", () => {
  test.each(outcomes)("%s", (_label, outcome, status, body) => {
    const response = apiResponse(outcome);
    expect(response.status).toBe(status);
    expect(apiBody(outcome)).toEqual(body);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  test("429 carries Retry-After", () => {
    expect(apiResponse(outcomes[2]![1]).headers.get("retry-after")).toBe("30");
  });
});

describe("the no-JS form's answers", () => {
  test("success redirects", () => {
    expect(formPostResult(outcomes[0]![1])).toEqual({ kind: "redirect" });
  });

  test.each(outcomes.slice(1, 5))(
    "%s renders the form again with what was typed",
    (_label, outcome, status) => {
      const result = formPostResult(outcome);
      expect(result).toMatchObject({ kind: "render", status, values: typed.values });
      if (result.kind === "render") expect(result.notice).toMatch(/not sent/);
    },
  );

  test.each([
    [0, "please wait a minute and send it again"],
    [1, "please wait 1 second and send it again"],
    [42, "please wait 42 seconds and send it again"],
  ])("a rate limit of %i s is worded as: %s", (retryAfterSeconds, wording) => {
    const result = formPostResult({
      status: 429,
      kind: "rate_limited",
      retryAfterSeconds,
      ...typed,
    });
    expect(result).toMatchObject({ kind: "render", notice: expect.stringContaining(wording) });
  });

  test("a rate-limited post names the wait and sets Retry-After", () => {
    expect(formPostResult(outcomes[2]![1])).toMatchObject({
      headers: { "Retry-After": "30" },
      notice: expect.stringContaining("wait 30 seconds"),
    });
  });

  test("a delivery failure offers mailto with the typed subject and message", () => {
    expect(formPostResult(outcomes[3]![1])).toMatchObject({
      mailtoHref: "mailto:help@acme.example?subject=Hi&body=Help%20%3Cplease%3E",
    });
    const timedOut = outcomes.find(([label]) => label === "delivery timed out")![1];
    expect(formPostResult(timedOut)).toMatchObject({
      status: 504,
      mailtoHref: "mailto:help@acme.example?subject=Hi&body=Help%20%3Cplease%3E",
      notice: expect.stringContaining("may not have been sent"),
    });
  });
});
