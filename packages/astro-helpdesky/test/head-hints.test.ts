import { describe, expect, test } from "vitest";
import { hoistHeadHints } from "../src/build/head-hints.ts";

// The build step that moves <TicketCenter />'s hints from the body into <head>, over the page
// shapes an Astro page can have. What a browser needs: each hint once, inside <head>, and the
// charset declaration still first (it must fall within the first 1024 bytes, before anything else).

const TOKEN =
  '<link rel="preload" as="fetch" href="/api/helpdesky-token" crossorigin="use-credentials" data-hdh-hint>';
const SCRIPT =
  '<link rel="preload" as="script" href="https://helpdesky.io/ticket-center.js" data-hdh-hint>';
const BODY = `<body><main>${TOKEN}${SCRIPT}<div id="hdh-ticket-center"></div></main></body></html>`;

/** The page's `<head>…</head>` and the rest. */
function split(html: string): { head: string; body: string } {
  const end = html.indexOf("</head>");
  return { head: html.slice(0, end), body: html.slice(end) };
}

function count(html: string, part: string): number {
  return html.split(part).length - 1;
}

describe("hoistHeadHints", () => {
  test("with a charset declaration: the hints come right after it, and leave the body", () => {
    const html = hoistHeadHints(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Support</title></head>${BODY}`,
    );
    expect(html).toBe(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${TOKEN}${SCRIPT}<title>Support</title></head>` +
        '<body><main><div id="hdh-ticket-center"></div></main></body></html>',
    );
  });

  test("without a charset declaration: the hints open the head", () => {
    const { head, body } = split(
      hoistHeadHints(`<html><head><title>Support</title></head>${BODY}`),
    );
    expect(head).toBe(`<html><head>${TOKEN}${SCRIPT}<title>Support</title>`);
    expect(body).not.toContain("data-hdh-hint");
  });

  test("a charset declaration written late in the head stays before the hints, as the page had it", () => {
    const { head } = split(
      hoistHeadHints(
        `<html><head><title>Support</title><meta content="x" charset="UTF-8"></head>${BODY}`,
      ),
    );
    expect(head).toBe(
      `<html><head><title>Support</title><meta content="x" charset="UTF-8">${TOKEN}${SCRIPT}`,
    );
  });

  test("a <head> with attributes, and a <header> in the body that is not one", () => {
    const page = `<html><head data-theme="dark" prefix="og: https://ogp.me/ns#"><meta charset="utf-8"></head><body><header>Acme</header>${TOKEN}</body></html>`;
    const { head, body } = split(hoistHeadHints(page));
    expect(head).toBe(
      `<html><head data-theme="dark" prefix="og: https://ogp.me/ns#"><meta charset="utf-8">${TOKEN}`,
    );
    expect(body).toBe("</head><body><header>Acme</header></body></html>");
  });

  test("hints the head already holds are not added twice, and the body's copies go", () => {
    const html = hoistHeadHints(
      `<html><head><meta charset="utf-8">${TOKEN}<title>Support</title></head>${BODY}`,
    );
    expect(count(html, TOKEN)).toBe(1);
    expect(count(html, SCRIPT)).toBe(1);
    expect(split(html).head).toBe(
      `<html><head><meta charset="utf-8">${SCRIPT}${TOKEN}<title>Support</title>`,
    );
  });

  test("a page whose head holds every hint already and whose body holds none is left as it is", () => {
    const page = `<html><head><meta charset="utf-8">${TOKEN}${SCRIPT}</head><body><div id="hdh-ticket-center"></div></body></html>`;
    expect(hoistHeadHints(page)).toBe(page);
  });

  test("two <TicketCenter />s on one page: each hint ends up in the head once", () => {
    const html = hoistHeadHints(
      `<html><head><meta charset="utf-8"></head><body>${TOKEN}${SCRIPT}<p>…</p>${TOKEN}${SCRIPT}</body></html>`,
    );
    expect(count(html, TOKEN)).toBe(1);
    expect(count(html, SCRIPT)).toBe(1);
    expect(split(html).body).toBe("</head><body><p>…</p></body></html>");
  });

  test("attributes in any order, and a self-closing tag, are recognised as hints", () => {
    const first =
      '<link data-hdh-hint rel="preload" as="fetch" href="/api/helpdesky-token" crossorigin="use-credentials" />';
    const valued =
      '<link rel="preload" data-hdh-hint="" as="script" href="/helpdesky-standin/ticket-center.js">';
    const { head, body } = split(
      hoistHeadHints(
        `<html><head><meta charset="utf-8"></head><body>${first}${valued}</body></html>`,
      ),
    );
    expect(head).toBe(`<html><head><meta charset="utf-8">${first}${valued}`);
    expect(body).toBe("</head><body></body></html>");
  });

  test("other links in the body stay where they are", () => {
    const other = '<link rel="stylesheet" href="/a.css">';
    const lookalike = '<link rel="preload" as="image" href="/x.png" data-hdh-hint-other>';
    const { body } = split(
      hoistHeadHints(`<html><head></head><body>${other}${lookalike}${TOKEN}</body></html>`),
    );
    expect(body).toBe(`</head><body>${other}${lookalike}</body></html>`);
  });

  test.each([
    ["no head at all", `<html><body>${TOKEN}</body></html>`],
    ["a fragment", `${TOKEN}<div id="hdh-ticket-center"></div>`],
    [
      "a head opened and never closed",
      `<html><head><meta charset="utf-8"><body>${TOKEN}</body></html>`,
    ],
  ])("%s: returned unchanged", (_, page) => {
    expect(hoistHeadHints(page)).toBe(page);
  });

  test("several pages: each is edited on its own", () => {
    const pages = [
      `<html><head><meta charset="utf-8"></head><body>${TOKEN}</body></html>`,
      `<html><head><meta charset="utf-8"></head><body><p>No Ticket Center</p></body></html>`,
      `<html><head></head><body>${SCRIPT}</body></html>`,
    ];
    expect(pages.map(hoistHeadHints)).toEqual([
      `<html><head><meta charset="utf-8">${TOKEN}</head><body></body></html>`,
      pages[1],
      `<html><head>${SCRIPT}</head><body></body></html>`,
    ]);
  });
});
