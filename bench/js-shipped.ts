// JavaScript shipped (issue part 2): bytes, raw and gzip, of the JavaScript each page loads in
// Chromium (every script response, module preloads and dynamic imports included). The Helpdesky
// embed (the stand-in's ticket-center.js, served by Helpdesky itself in production) is counted
// apart. /support is measured signed in (the Ticket Center) and anonymous (the Contact Form, which
// is in the page's HTML: the island's React copy is for pages without one). The island's own code
// is signed-in /support's JavaScript minus a bench-only page that loads an empty React island the
// same way (React's own chunks and Astro's island runtime).
import { gzipSync } from "node:zlib";
import { runAlone, sharedBenchCopy } from "./lib/bench-copy.ts";
import { chromiumVersion, launchChromium, signedInContext } from "./lib/chromium.ts";
import { printTable, writeResults, type Row } from "./lib/report.ts";
import { startProductionServer } from "./lib/server.ts";
import { BENCH_SESSION_SECRET, signIn } from "./lib/session.ts";
import { kb } from "./lib/stats.ts";

const PAGES = ["/", "/pricing", "/contact", "/login", "/support"];
const REACT_ONLY = "/bench/react-only";
/** /support as a visitor without a session sees it: the page's Contact Form, shown by the boot module. */
const SUPPORT_ANONYMOUS = "/support (anonymous)";
const SUPPORT_BUDGET_GZIP = 72 * 1024;
const EMBED_PATH = /^\/helpdesky-standin\//;

interface Script {
  url: string;
  raw: number;
  gzip: number;
  embed: boolean;
}

interface PageJs {
  /** The path measured, or SUPPORT_ANONYMOUS. */
  path: string;
  status: number;
  scripts: Script[];
  raw: number;
  gzip: number;
  embedRaw: number;
  embedGzip: number;
  /** Inline <script> text (Astro's island bootstrap), part of the HTML rather than a download. */
  inlineRaw: number;
}

const sum = (scripts: Script[], key: "raw" | "gzip") =>
  scripts.reduce((total, s) => total + s[key], 0);

export async function run(): Promise<void> {
  console.log(
    "js: building the bench copy (Node adapter, with bench-only pages but not /support's variants)…",
  );
  const copy = sharedBenchCopy({ benchPages: true, supportVariants: false });
  const server = await startProductionServer(copy.dir, { SESSION_SECRET: BENCH_SESSION_SECRET });
  const browser = await launchChromium();
  try {
    const cookie = await signIn(server.url);
    const pages: PageJs[] = [];
    for (const path of [...PAGES, SUPPORT_ANONYMOUS, REACT_ONLY]) {
      // Signed in (but for SUPPORT_ANONYMOUS), so /support loads its Ticket Center; a fresh
      // context each time, so nothing is cached.
      const anonymous = path === SUPPORT_ANONYMOUS;
      const context = anonymous
        ? await browser.newContext()
        : await signedInContext(browser, server.url, cookie);
      const page = await context.newPage();
      const pending: Promise<Script | null>[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() !== "script") return;
        pending.push(
          response.body().then(
            (body) => ({
              url: response.url(),
              raw: body.length,
              gzip: gzipSync(body).length,
              embed: EMBED_PATH.test(new URL(response.url()).pathname),
            }),
            () => null,
          ),
        );
      });
      const response = await page.goto(`${server.url}${anonymous ? "/support" : path}`, {
        waitUntil: "networkidle",
        timeout: 30_000,
      });
      // Measured in the state a visitor ends in, not one cut short: the form, or the Ticket Center.
      if (path.startsWith("/support"))
        await page
          .locator(anonymous ? "#hdh-fallback form" : "#hdh-ticket-center .hdh-standin-list")
          .waitFor({ timeout: 30_000 });
      const inlineRaw = await page.$$eval("script:not([src])", (nodes) =>
        nodes.reduce(
          (total, node) => total + new TextEncoder().encode(node.textContent ?? "").length,
          0,
        ),
      );
      const scripts = (await Promise.all(pending)).filter((s): s is Script => s !== null);
      const own = scripts.filter((s) => !s.embed);
      const embed = scripts.filter((s) => s.embed);
      pages.push({
        path,
        status: response?.status() ?? 0,
        scripts,
        raw: sum(own, "raw"),
        gzip: sum(own, "gzip"),
        embedRaw: sum(embed, "raw"),
        embedGzip: sum(embed, "gzip"),
        inlineRaw,
      });
      await context.close();
    }

    const support = pages.find((p) => p.path === "/support")!;
    const react = pages.find((p) => p.path === REACT_ONLY)!;
    // Only meaningful once /support loads an island; before that there is nothing to subtract from.
    const islandOwn =
      support.raw > 0 ? { raw: support.raw - react.raw, gzip: support.gzip - react.gzip } : null;
    const rows: Row[] = pages.map((p) => ({
      page: p.path === REACT_ONLY ? `${p.path} (React alone, bench-only)` : p.path,
      status: String(p.status),
      scripts: String(p.scripts.filter((s) => !s.embed).length),
      "KiB raw": kb(p.raw),
      "KiB gzip": kb(p.gzip),
      "inline KiB raw": kb(p.inlineRaw),
      budget:
        p.path === "/support" || p.path === SUPPORT_ANONYMOUS
          ? `${kb(p.gzip)} / ${kb(SUPPORT_BUDGET_GZIP)} KiB gzip`
          : p.path === REACT_ONLY
            ? ""
            : p.status !== 200
              ? "no page"
              : p.gzip === 0
                ? "0 ✓"
                : "should be 0",
      "embed KiB gzip": p.embedGzip ? kb(p.embedGzip) : "",
    }));
    rows.push({
      page: "island's own code (/support signed in − React alone)",
      status: "",
      scripts: "",
      "KiB raw": islandOwn ? kb(islandOwn.raw) : "n/a",
      "KiB gzip": islandOwn ? kb(islandOwn.gzip) : "n/a",
      "inline KiB raw": "",
      budget: "≈ 5 KiB gzip",
      "embed KiB gzip": "",
    });
    printTable(
      `JavaScript shipped (gzip: zlib level 6; Chromium ${chromiumVersion(browser)})`,
      rows,
    );
    const anonymousSupport = pages.find((p) => p.path === SUPPORT_ANONYMOUS)!;
    const withinBudget = support.gzip <= SUPPORT_BUDGET_GZIP;
    console.log(
      `\n/support signed in: ${kb(support.gzip)} KiB gzip of ${kb(SUPPORT_BUDGET_GZIP)} KiB: ${withinBudget ? "within budget" : "OVER BUDGET"}`,
    );
    const anonymousWithin = anonymousSupport.gzip <= SUPPORT_BUDGET_GZIP;
    console.log(
      `/support anonymous: ${kb(anonymousSupport.gzip)} KiB gzip of ${kb(SUPPORT_BUDGET_GZIP)} KiB: ${anonymousWithin ? "within budget" : "OVER BUDGET"}`,
    );
    const file = writeResults("js-shipped", {
      chromium: chromiumVersion(browser),
      budgetGzip: SUPPORT_BUDGET_GZIP,
      withinBudget,
      anonymousWithinBudget: anonymousWithin,
      islandOwn,
      pages,
    });
    console.log(`js: wrote ${file}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.main) await runAlone(run);
