import { describe, expect, test } from "vitest";
import { apiBody } from "../../src/contact/api-response.ts";
import { checkContactFields, type FieldTexts } from "../../src/contact/fields.ts";
import { formPostResult } from "../../src/contact/form-post.ts";
import { validateContact } from "../../src/contact/schema.ts";
import type { ContactOutcome } from "../../src/contact/submission.ts";
import { DEFAULT_MESSAGES } from "../../src/messages/default-messages.ts";
import { mergeMessages } from "../../src/messages/merge-messages.ts";
import { parseHelpdeskyOptions } from "../../src/options.ts";

describe("mergeMessages", () => {
  test("a partial override replaces only the texts it names, at any depth", () => {
    const merged = mergeMessages(DEFAULT_MESSAGES, {
      contactForm: { labels: { email: "E-Mail" }, submit: "Senden" },
      fallback: { title: "Schreiben Sie uns" },
    });
    expect(merged.contactForm.labels).toEqual({
      ...DEFAULT_MESSAGES.contactForm.labels,
      email: "E-Mail",
    });
    expect(merged.contactForm.submit).toBe("Senden");
    expect(merged.contactForm.hints).toEqual(DEFAULT_MESSAGES.contactForm.hints);
    expect(merged.fallback).toEqual({ ...DEFAULT_MESSAGES.fallback, title: "Schreiben Sie uns" });
    expect(merged.ticketCenter).toEqual(DEFAULT_MESSAGES.ticketCenter);
  });

  test("no override gives the defaults, and the defaults are never changed", () => {
    const before = structuredClone(DEFAULT_MESSAGES);
    expect(mergeMessages(DEFAULT_MESSAGES, undefined)).toEqual(before);
    mergeMessages(DEFAULT_MESSAGES, { ticketCenter: { failures: { network: "Offline." } } });
    expect(DEFAULT_MESSAGES).toEqual(before);
  });

  test("keeps the defaults' shape whatever it is given", () => {
    const odd = { contactForm: { labels: "Name", stray: "x" }, extra: { a: "b" } };
    const merged = mergeMessages(DEFAULT_MESSAGES, odd as never);
    expect(merged.contactForm.labels).toEqual(DEFAULT_MESSAGES.contactForm.labels);
    expect(Object.keys(merged)).toEqual(Object.keys(DEFAULT_MESSAGES));
    expect(merged.contactForm).not.toHaveProperty("stray");
  });
});

describe("the messages option", () => {
  test("accepts any part of the messages", () => {
    const messages = { locale: "de", contactForm: { errors: { tooLong: "{field}: max. {max}" } } };
    expect(parseHelpdeskyOptions({ messages }).messages).toEqual(messages);
  });

  test.each([
    [
      { contactForm: { lables: { name: "Name" } } },
      /`messages\.contactForm\.lables` is not a message key/,
    ],
    [
      { contactForm: { labels: { name: 3 } } },
      /`messages\.contactForm\.labels\.name` must be a text/,
    ],
    [{ fallback: "Hallo" }, /`messages\.fallback` must be an object of texts/],
    [
      { contactForm: { errors: { tooLong: "{feld} ist zu lang" } } },
      /`messages\.contactForm\.errors\.tooLong` may use only the placeholders of its default \(\{field\}, \{max\}\)/,
    ],
    [{ locale: "not a tag!" }, /`messages\.locale` must be a language tag/],
  ])("refuses %j, naming the key", (messages, error) => {
    expect(() => parseHelpdeskyOptions({ messages })).toThrow(error);
  });
});

const GERMAN: FieldTexts = {
  locale: "de",
  messages: mergeMessages(DEFAULT_MESSAGES.contactForm, {
    labels: { message: "Nachricht" },
    errors: {
      emailMissing: "Geben Sie Ihre E-Mail-Adresse ein.",
      tooLong: "{field} darf höchstens {max} Zeichen lang sein.",
    },
    notices: { invalid: "Bitte korrigieren Sie die markierten Felder.", too_fast: "Zu schnell." },
  }),
};

describe("the Contact Form in a site's words", () => {
  test("the browser's and the server's checks word the same errors, numbers in the site's language", () => {
    const values = { email: "", message: "a".repeat(5001) };
    const errors = {
      email: "Geben Sie Ihre E-Mail-Adresse ein.",
      message: "Nachricht darf höchstens 5.000 Zeichen lang sein.",
    };
    expect(checkContactFields(values, GERMAN)).toEqual(errors);
    expect(validateContact(values, GERMAN)).toEqual({ ok: false, errors });
    // The English schema is untouched by the German one.
    expect(validateContact(values).ok === false && validateContact(values)).toMatchObject({
      errors: { email: "Enter your email address." },
    });
  });

  test("the API keeps its error codes, with the notice in the site's words", () => {
    const typed = { values: {}, source: "/support" };
    const invalid: ContactOutcome = {
      status: 400,
      kind: "invalid",
      errors: { email: "Geben Sie Ihre E-Mail-Adresse ein." },
      ...typed,
    };
    expect(apiBody(invalid, GERMAN)).toEqual({
      error: "invalid",
      message: "Bitte korrigieren Sie die markierten Felder.",
      fields: { email: "Geben Sie Ihre E-Mail-Adresse ein." },
    });
    const tooFast: ContactOutcome = { status: 400, kind: "too_fast", ...typed };
    expect(apiBody(tooFast, GERMAN)).toEqual({ error: "too_fast", message: "Zu schnell." });
    expect(formPostResult(tooFast, GERMAN)).toMatchObject({ notice: "Zu schnell." });
  });
});
