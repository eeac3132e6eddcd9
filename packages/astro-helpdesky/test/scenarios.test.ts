import { createHash } from "node:crypto";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildScenario, type RunningServer, type Scenario } from "./scenario.ts";

// Each scenario is a tiny site in test/fixtures/, built once with Astro's `build()` and read the
// way a visitor meets it: the built pages, and the built server answering on 127.0.0.1.

const STANDIN_SCRIPT = "/helpdesky-standin/ticket-center.js";
const SCRIPT_URL = "https://cdn.helpdesky.example/ticket-center.js";

interface Hint {
  rel: string | null;
  as: string | null;
  href: string | null;
}

/** What a browser parses out of a built page. */
function parse(html: string) {
  const { document } = new JSDOM(html).window;
  const all = (selector: string) => [...document.querySelectorAll(selector)];
  const hint = (link: Element): Hint => ({
    rel: link.getAttribute("rel"),
    as: link.getAttribute("as"),
    href: link.getAttribute("href"),
  });
  // The Ticket Center's island, which the build holds in a template on a page the boot module starts.
  const held = all("template[data-hdh-held-island]").flatMap((template) => [
    ...(template as HTMLTemplateElement).content.querySelectorAll("astro-island"),
  ]);
  return {
    document,
    all,
    heldIslands: held,
    /** The page's first island, held or not. */
    island: () => document.querySelector("astro-island") ?? held[0] ?? null,
    headScriptHints: all("head script[data-hdh-hint]").map((script) => script.textContent ?? ""),
    headHints: all("head link[data-hdh-hint]").map(hint),
    bodyHints: all("body link[data-hdh-hint]").map(hint),
    modulePreloads: all('head link[rel="modulepreload"]').map((link) => link.getAttribute("href")!),
    moduleScripts: all('script[type="module"][src]').map((script) => ({
      src: script.getAttribute("src")!,
      async: script.hasAttribute("async"),
    })),
    csp:
      document
        .querySelector('meta[http-equiv="content-security-policy"]')
        ?.getAttribute("content") ?? null,
  };
}

/** The token and script hints a page with `tokenUrl` and (maybe) a preloaded script should hold. */
function expectedHints(tokenUrl: string, scriptUrl: string | null): Hint[] {
  return [
    { rel: "preload", as: "fetch", href: tokenUrl },
    ...(scriptUrl ? [{ rel: "preload", as: "script", href: scriptUrl }] : []),
  ];
}

/** The relative modules a built chunk imports statically (not its `import()`s), as URLs. */
function staticImports(code: string, from: string): string[] {
  const specifiers = [...code.matchAll(/\b(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g)].map(
    (match) => match[1]!,
  );
  return specifiers.map((specifier) => new URL(specifier, `http://site${from}`).pathname);
}

/**
 * The boot module of a page holding `<TicketCenter />` (or the parts): exactly one module script
 * made `async`, every chunk it imports statically preloaded in `<head>`, all of them built files.
 */
function expectEarlyBoot(site: Scenario, page: ReturnType<typeof parse>, base: string) {
  const boot = page.moduleScripts.filter((script) => script.async);
  expect(boot).toHaveLength(1);
  expect(boot[0]!.src.startsWith(`${base}_astro/`)).toBe(true);
  const code = site.asset(boot[0]!.src);
  expect(code).not.toBeNull();
  const imports = staticImports(code!, boot[0]!.src);
  expect(imports.length).toBeGreaterThan(0);
  expect(page.modulePreloads).toEqual(expect.arrayContaining(imports));
  for (const href of page.modulePreloads) expect(site.asset(href), href).not.toBeNull();
  // The island waits in its template, off the link, until the boot module lets it in.
  expect(page.all("astro-island")).toHaveLength(0);
  expect(page.heldIslands).toHaveLength(1);
  const islandUrl = page.heldIslands[0]!.getAttribute("component-url")!;
  const islandCode = site.asset(islandUrl)!;
  const islandChunks = [islandCode, ...staticImports(islandCode, islandUrl).map(site.asset)];
  expect(islandChunks.some((code) => code?.includes("hdh-ticket-center-host"))).toBe(true);
}

/** The one Ticket Center container, and the fallback's Contact Form when `fallback`. */
function expectTicketCenter(page: ReturnType<typeof parse>, { fallback }: { fallback: boolean }) {
  expect(page.all("#hdh-ticket-center")).toHaveLength(1);
  expect(page.all("astro-island").length + page.heldIslands.length).toBe(1);
  expect(page.all("#hdh-fallback form")).toHaveLength(fallback ? 1 : 0);
}

async function get(server: RunningServer, path: string) {
  const response = await fetch(`${server.origin}${path}`, { redirect: "manual" });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    body: await response.text(),
  };
}

/** The token route answers an anonymous visitor as the island expects: 401, JSON, no token. */
async function expectTokenRoute(server: RunningServer, path: string) {
  const answer = await get(server, path);
  expect(answer.status).toBe(401);
  expect(answer.type).toMatch(/^application\/json/);
  expect(JSON.parse(answer.body)).toEqual({ error: "unauthenticated" });
}

describe("default options, CSP on", () => {
  let site: Scenario;
  let server: RunningServer;
  beforeAll(async () => {
    site = await buildScenario("default", {
      env: { HELPDESKY_STANDIN: "1", HELPDESKY_SCRIPT_URL: SCRIPT_URL },
    });
    server = await site.start();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    site?.clean();
  });

  test("<TicketCenter /> puts its hints in <head>, once, after the charset", () => {
    const page = parse(site.page("/support"));
    expect(page.headHints).toEqual(expectedHints("/api/helpdesky-token", STANDIN_SCRIPT));
    expect(page.bodyHints).toEqual([]);
    expect(page.document.head.firstElementChild?.getAttribute("charset")).toBe("utf-8");
    expect(page.document.head.children[1]?.hasAttribute("data-hdh-hint")).toBe(true);
  });

  test("the container, the island and the fallback's form, once each; the boot module async with its preloads", () => {
    const page = parse(site.page("/support"));
    expectTicketCenter(page, { fallback: true });
    expectEarlyBoot(site, page, "/");
  });

  test("the chunks a signed-in visitor of /support loads hold the Ticket Center's texts and none of the Contact Form's", () => {
    const page = parse(site.page("/support"));
    const island = page.heldIslands[0]!;
    const entries = [
      ...page.moduleScripts.map((script) => script.src),
      island.getAttribute("component-url")!,
      island.getAttribute("renderer-url")!,
    ];
    // Every chunk those load before a token has answered: their static imports, all the way down.
    const loaded = new Map<string, string>();
    const visit = (url: string) => {
      if (loaded.has(url)) return;
      const code = site.asset(url);
      expect(code, url).not.toBeNull();
      loaded.set(url, code!);
      for (const imported of staticImports(code!, url)) visit(imported);
    };
    entries.forEach(visit);
    const code = [...loaded.values()].join("\n");
    // Texts of the island's alone (the loading one is also the boot chunk's).
    expect(code).toContain("Signed in as {email}");
    expect(code).toContain("The support panel could not load.");
    // The Contact Form's own texts (labels, notices) and the fallback's come with its lazy chunk.
    for (const text of ["We reply to this address.", "Your message was sent.", "Send us a message"])
      expect(code).not.toContain(text);
  });

  test("the page's policy lets Helpdesky's origin load its script, styles, API, frames and images", () => {
    const csp = parse(site.page("/support")).csp!;
    for (const directive of ["script-src", "style-src", "connect-src", "frame-src", "img-src"]) {
      expect(csp, directive).toMatch(
        new RegExp(`${directive} [^;]*https://cdn\\.helpdesky\\.example`),
      );
    }
  });

  test("a page without the Ticket Center gets none of it", () => {
    const page = parse(site.page("/"));
    expect([...page.headHints, ...page.bodyHints]).toEqual([]);
    expect(page.all("#hdh-ticket-center, astro-island")).toHaveLength(0);
    expect(page.moduleScripts).toEqual([]);
  });

  test("the built server answers the token route, and serves the page and its modules", async () => {
    await expectTokenRoute(server, "/api/helpdesky-token");
    const support = await get(server, "/support/");
    expect(support.status).toBe(200);
    const page = parse(support.body);
    for (const src of [...page.moduleScripts.map((script) => script.src), ...page.modulePreloads]) {
      expect((await get(server, src)).status, src).toBe(200);
    }
  });
});

describe("a custom tokenRoute", () => {
  let site: Scenario;
  let server: RunningServer;
  beforeAll(async () => {
    site = await buildScenario("token-route", { env: { HELPDESKY_STANDIN: "1" } });
    server = await site.start();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    site?.clean();
  });

  test("the hint and the island ask the configured route", () => {
    const page = parse(site.page("/support"));
    // With the site's signed-in hint, a head script stands for the token's preload link.
    expect(page.headHints).toEqual([{ rel: "preload", as: "script", href: STANDIN_SCRIPT }]);
    expect(page.headScriptHints).toHaveLength(1);
    expect(page.headScriptHints[0]).toContain('"/support/token"');
    const props = page.island()!.getAttribute("props")!;
    expect(JSON.parse(props).tokenUrl).toEqual([0, "/support/token"]);
  });

  test("the signed-in hint's head script comes first in <head>, and the page's policy allows it", () => {
    const page = parse(site.page("/support"));
    expect(page.document.head.children[1]?.tagName).toBe("SCRIPT");
    const hash = createHash("sha256").update(page.headScriptHints[0]!).digest("base64");
    expect(page.csp).toContain(`'sha256-${hash}'`);
  });

  test("the built server answers there, and not at the default route", async () => {
    await expectTokenRoute(server, "/support/token");
    expect((await get(server, "/api/helpdesky-token")).status).toBe(404);
  });
});

describe('base: "/docs"', () => {
  let site: Scenario;
  let server: RunningServer;
  beforeAll(async () => {
    // No Helpdesky variables at build time: the build cannot know the script, so none is preloaded.
    site = await buildScenario("base-path", { base: "/docs/" });
    server = await site.start();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    site?.clean();
  });

  test("the hint, the island's token URL, the boot module and its preloads all carry the base", () => {
    const page = parse(site.page("/docs/support"));
    expect(page.headHints).toEqual(expectedHints("/docs/api/helpdesky-token", null));
    const props = page.island()!.getAttribute("props")!;
    expect(JSON.parse(props).tokenUrl).toEqual([0, "/docs/api/helpdesky-token"]);
    expectTicketCenter(page, { fallback: true });
    expectEarlyBoot(site, page, "/docs/");
    expect(page.modulePreloads.every((href) => href.startsWith("/docs/_astro/"))).toBe(true);
  });

  test("the built server answers the token route and serves the page under the base", async () => {
    await expectTokenRoute(server, "/docs/api/helpdesky-token");
    const support = await get(server, "/docs/support/");
    expect(support.status).toBe(200);
    for (const href of parse(support.body).modulePreloads)
      expect((await get(server, href)).status, href).toBe(200);
  });
});

describe("CSP off", () => {
  let site: Scenario;
  beforeAll(async () => {
    site = await buildScenario("csp-off", {
      env: { HELPDESKY_STANDIN: "1", HELPDESKY_SCRIPT_URL: SCRIPT_URL },
    });
  }, 120_000);
  afterAll(() => site?.clean());

  test("the integration turns no policy on, and the Ticket Center is built as usual", () => {
    const page = parse(site.page("/support"));
    expect(page.csp).toBeNull();
    expect(page.headHints).toEqual(expectedHints("/api/helpdesky-token", STANDIN_SCRIPT));
    expectTicketCenter(page, { fallback: true });
    expectEarlyBoot(site, page, "/");
  });
});

describe("the other page shapes", () => {
  let site: Scenario;
  beforeAll(async () => {
    site = await buildScenario("page-shapes", { env: { HELPDESKY_STANDIN: "1" } });
  }, 120_000);
  afterAll(() => site?.clean());

  test("<TicketCenter fallback={false} />: no fallback, no form, no promise of one without JavaScript", () => {
    const html = site.page("/no-fallback");
    const page = parse(html);
    expectTicketCenter(page, { fallback: false });
    expect(page.all("#hdh-fallback, form")).toHaveLength(0);
    expect(html).not.toContain("The form below");
    expect(page.headHints).toEqual(expectedHints("/api/helpdesky-token", STANDIN_SCRIPT));
    expectEarlyBoot(site, page, "/");
  });

  test('<TicketCenterIsland client:only="react" /> alone: the island and its built modules, nothing added', () => {
    const page = parse(site.page("/island-only"));
    const islands = page.all("astro-island");
    expect(islands).toHaveLength(1);
    expect(islands[0]!.getAttribute("client")).toBe("only");
    for (const attribute of ["component-url", "renderer-url"]) {
      const url = islands[0]!.getAttribute(attribute)!;
      expect(site.asset(url), attribute).not.toBeNull();
    }
    expect([...page.headHints, ...page.bodyHints]).toEqual([]);
    expect(page.all("#hdh-ticket-center, #hdh-fallback")).toHaveLength(0);
  });

  test("a site's island around the Ticket Center's is held unmarked, so an anonymous visitor still gets it", () => {
    const own = parse(site.page("/parts"));
    expect(own.all('template[data-hdh-held-island="ticket-center"]')).toHaveLength(1);
    const wrapped = parse(site.page("/wrapped"));
    expect(wrapped.heldIslands).toHaveLength(1);
    expect(wrapped.heldIslands[0]!.getAttribute("component-url")).toMatch(/SupportPanel/);
    expect(wrapped.all("template[data-hdh-held-island]")).toHaveLength(1);
    expect(wrapped.all('template[data-hdh-held-island="ticket-center"]')).toHaveLength(0);
  });

  test("the parts laid out by hand, hints already in the head: each hint still once, the boot module async", () => {
    const page = parse(site.page("/parts"));
    expect(page.headHints).toEqual(expectedHints("/api/helpdesky-token", STANDIN_SCRIPT));
    expect(page.bodyHints).toEqual([]);
    expectTicketCenter(page, { fallback: true });
    expectEarlyBoot(site, page, "/");
  });
});
