// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw/http";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { apiResponse } from "../../src/contact/api-response.ts";
import { ContactForm } from "../../src/contact/ContactForm.tsx";
import type { ContactOutcome } from "../../src/contact/submission.ts";
import { server } from "./msw/server.ts";

/** The text of the elements a field's aria-describedby points at: what a screen reader announces. */
function description(element: HTMLElement): string {
  const ids = (element.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}
const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
const button = () => screen.getByRole("button", { name: "Send message" }) as HTMLButtonElement;

const API = "http://localhost:3000/api/contact";
// The shared msw server (started by the setup file beside this test) answers; each test adds its handler.
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

beforeEach(() => {
  // Only Date is faked, so the form's fill time can be moved past the bot threshold.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-25T12:00:00Z") });
});

interface Received {
  body: Record<string, unknown>;
  key: string | null;
}

function api(...answers: Array<() => Response | Promise<Response>>) {
  const received: Received[] = [];
  server.use(
    http.post(API, async ({ request }) => {
      received.push({
        body: (await request.json()) as Record<string, unknown>,
        key: request.headers.get("idempotency-key"),
      });
      return answers[Math.min(received.length - 1, answers.length - 1)]!();
    }),
  );
  return received;
}

async function fillIn(
  user: ReturnType<typeof userEvent.setup>,
  values: Partial<Record<"Name" | "Email" | "Subject" | "Message", string>> = {},
) {
  const filled = {
    Name: "Ada",
    Email: "ada@example.com",
    Subject: "Invoice",
    Message: "My invoice is wrong.",
    ...values,
  };
  for (const [label, value] of Object.entries(filled)) {
    const field = screen.getByLabelText(label);
    await user.clear(field);
    if (value) await user.type(field, value);
  }
  vi.setSystemTime(Date.now() + 5000);
  return filled;
}

const setup = (props = {}) => {
  const user = userEvent.setup({ delay: null });
  render(<ContactForm source="/support" {...props} />);
  return user;
};
const send = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole("button", { name: "Send message" }));
const typed = {
  values: {
    name: "Ada",
    email: "ada@example.com",
    subject: "Invoice",
    message: "My invoice is wrong.",
  },
  source: "/support",
};
/** The API's real answer for an outcome, so the form is tested against what the server words. */
const answer = (outcome: ContactOutcome) => () => apiResponse(outcome);

describe("ContactForm", () => {
  test("sends the message with a key, a fill time and the page, then says it was sent", async () => {
    const received = api(() => HttpResponse.json({ status: "sent" }));
    const user = setup();
    await fillIn(user);
    await send(user);
    const confirmation = await screen.findByRole("status");
    expect(confirmation.textContent).toContain("Your message was sent.");
    expect(document.activeElement).toBe(confirmation);
    expect(received).toHaveLength(1);
    expect(received[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(received[0]!.body).toMatchObject({
      name: "Ada",
      email: "ada@example.com",
      subject: "Invoice",
      message: "My invoice is wrong.",
      source: "/support",
      website: "",
    });
    expect(received[0]!.body.elapsedMs).toBeGreaterThanOrEqual(5000);
  });

  test("shows each field's error from the shared rules, tied to the field, without calling the server", async () => {
    const received = api(() => HttpResponse.json({ status: "sent" }));
    const user = setup();
    await fillIn(user, { Email: "ada@", Message: "" });
    await send(user);
    const email = screen.getByLabelText("Email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(description(email)).toContain("Enter a valid email address");
    expect(description(screen.getByLabelText("Message"))).toContain("Enter your message.");
    expect(document.activeElement).toBe(email);
    expect(valueOf("Email")).toBe("ada@");
    expect(received).toHaveLength(0);
  });

  test("shows the server's field errors and keeps the text", async () => {
    api(
      answer({
        status: 400,
        kind: "invalid",
        errors: { subject: "Subject must fit on one line." },
        ...typed,
      }),
    );
    const user = setup();
    const filled = await fillIn(user);
    await send(user);
    await screen.findByText("Subject must fit on one line.");
    expect(description(screen.getByLabelText("Subject"))).toContain(
      "Subject must fit on one line.",
    );
    expect(document.activeElement).toBe(screen.getByLabelText("Subject"));
    expect(valueOf("Message")).toBe(filled.Message);
  });

  test.each([
    [
      "a delivery failure (502)",
      answer({ status: 502, kind: "delivery_failed", supportEmail: "help@acme.example", ...typed }),
      "could not be delivered",
    ],
    [
      "no delivery configured (503)",
      answer({ status: 503, kind: "not_configured", supportEmail: "help@acme.example", ...typed }),
      "Support by form is not set up",
    ],
  ])("%s keeps the text and offers the mailto fallback", async (_label, answer, notice) => {
    api(answer);
    const user = setup();
    const filled = await fillIn(user);
    await send(user);
    expect((await screen.findByRole("alert")).textContent).toContain(notice);
    expect(screen.getByRole("alert").textContent).toContain("not sent");
    expect(
      screen.getByRole("link", { name: "Email it to us instead" }).getAttribute("href"),
    ).toMatch(/^mailto:help@acme\.example\?/);
    for (const [label, value] of Object.entries(filled)) expect(valueOf(label)).toBe(value);
    expect(button().disabled).toBe(false);
  });

  test("a rate limit says how long to wait and keeps the text", async () => {
    api(answer({ status: 429, kind: "rate_limited", retryAfterSeconds: 42, ...typed }));
    const user = setup();
    const filled = await fillIn(user);
    await send(user);
    expect((await screen.findByRole("alert")).textContent).toContain("please wait 42 seconds");
    expect(valueOf("Message")).toBe(filled.Message);
  });

  test.each([
    ["the bot trap (400)", answer({ status: 400, kind: "honeypot", ...typed }), "looked automated"],
    [
      "a fill time under the minimum (400)",
      answer({ status: 400, kind: "too_fast", ...typed }),
      "submitted very quickly",
    ],
    ["a body over the limit (413)", answer({ status: 413, kind: "too_large" }), "too large"],
    [
      "a proxy's error page (502, not JSON)",
      () =>
        new HttpResponse("<h1>Bad gateway</h1>", {
          status: 502,
          headers: { "Content-Type": "text/html" },
        }),
      "Something went wrong",
    ],
    [
      "a gateway's JSON that is not the API's (500)",
      () =>
        HttpResponse.json(
          { message: "Internal server error", mailto: { href: "https://evil.example/" } },
          { status: 500 },
        ),
      "Something went wrong",
    ],
    ["an unreachable server", () => HttpResponse.error(), "could not reach the server"],
  ])("%s: says the message was not sent, and keeps the text", async (_label, reply, notice) => {
    api(reply);
    const user = setup();
    const filled = await fillIn(user);
    await send(user);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(notice);
    expect(alert.textContent).toContain("not sent");
    expect(screen.queryByRole("link", { name: "Email it to us instead" })).toBeNull();
    for (const [label, value] of Object.entries(filled)) expect(valueOf(label)).toBe(value);
  });

  // A retry after an answer the server did not write (a gateway's 504) keeps the key, so a delivery
  // that did happen is not repeated; a key the server holds for another message (409) is replaced.
  test.each([
    [
      "a gateway's 504: the same key",
      () => new HttpResponse("Gateway timeout", { status: 504 }),
      true,
    ],
    ["a 409 key_reused: a new key", answer({ status: 409, kind: "key_reused", ...typed }), false],
  ])("the retry after %s", async (_label, firstAnswer, sameKey) => {
    const received = api(firstAnswer, () => HttpResponse.json({ status: "sent" }));
    const user = setup();
    await fillIn(user);
    await send(user);
    await screen.findByRole("alert");
    await send(user);
    await screen.findByRole("status");
    expect(received).toHaveLength(2);
    expect(received[1]!.key === received[0]!.key).toBe(sameKey);
  });

  test("a retry of the same text reuses the key; edited text gets a new one", async () => {
    const received = api(
      () => HttpResponse.error(),
      answer({ status: 502, kind: "delivery_failed", supportEmail: "", ...typed }),
      () => HttpResponse.json({ status: "sent" }),
    );
    const user = setup();
    await fillIn(user);
    await send(user);
    await screen.findByRole("alert");
    await send(user);
    await screen.findByRole("alert");
    await user.type(screen.getByLabelText("Message"), " Thanks.");
    await send(user);
    await screen.findByRole("status");
    expect(received).toHaveLength(3);
    expect(received[1]!.key).toBe(received[0]!.key);
    expect(received[2]!.key).not.toBe(received[0]!.key);
  });

  test("a double click sends once and the button is disabled while sending", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const received = api(async () => {
      await gate;
      return HttpResponse.json({ status: "sent" });
    });
    const user = setup();
    await fillIn(user);
    await user.dblClick(screen.getByRole("button", { name: "Send message" }));
    expect(button().disabled).toBe(true);
    release();
    await screen.findByText(/Your message was sent/);
    expect(received).toHaveLength(1);
  });

  test("uses native constraints and the exact labels", () => {
    setup();
    expect(screen.getByLabelText("Name").getAttribute("maxlength")).toBe("100");
    expect(screen.getByLabelText("Email").getAttribute("type")).toBe("email");
    expect((screen.getByLabelText("Email") as HTMLInputElement).required).toBe(true);
    expect(screen.getByLabelText("Subject").getAttribute("maxlength")).toBe("150");
    expect(screen.getByLabelText("Message").getAttribute("maxlength")).toBe("5000");
    expect((screen.getByLabelText("Message") as HTMLTextAreaElement).required).toBe(true);
  });
});
