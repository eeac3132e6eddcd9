// Time to Ticket Center (issue part 1): in Chromium on an emulated slow 4G link, signed in, when
// the request for ticket-center.js starts and when the Ticket Center has rendered, from navigation
// start. Medians of fresh-cache loads, interleaved across pages, for: the island (/support), the
// guide's approach (a page rendered per request that writes the script tag), a server island
// (`server:defer`) writing the script tag, and variants of /support each without one loading step
// (from a second build: the variants change how /support is split into chunks). Then, without a
// session, when anonymous /support shows its Contact Form, against the static /contact page.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { runAlone, sharedBenchCopy } from "./lib/bench-copy.ts";
import {
  CPU_SLOWDOWN,
  SLOW_4G,
  chromiumVersion,
  emulateNetwork,
  launchChromium,
  signedInContext,
} from "./lib/chromium.ts";
import { printTable, writeResults, type Row } from "./lib/report.ts";
import { startProductionServer } from "./lib/server.ts";
import { BENCH_SESSION_SECRET, signIn } from "./lib/session.ts";
import { fmt, fmtRatio, median, ratio } from "./lib/stats.ts";
import { SUPPORT_VARIANTS } from "./lib/support-variants.ts";

const LOADS = Number(process.env.BENCH_TTC_LOADS ?? 10);
// The steps (variants of the island) get fewer loads, to keep `npm run bench` within minutes.
const STEP_LOADS = Math.min(LOADS, Number(process.env.BENCH_TTC_STEP_LOADS ?? 4));
// What the stand-in shows once it has verified the signature and listed the conversations.
const RENDERED = "#hdh-ticket-center .hdh-standin-list";
const AUTH_ERROR = "#hdh-ticket-center .hdh-standin-error";
// What an anonymous visitor waits for: a Contact Form, shown (/support's) or parsed (/contact's).
const CONTACT_FORM = "form.contact-form";
const FAILED_ISLAND = ".hdh-island .hdh-problem";
const SCRIPT = /\/ticket-center\.js(\?|$)/;
const TOKEN = /\/api\/helpdesky-token(\?|$)/;

interface Variant {
  name: string;
  path: string;
  /** Fewer loads: a step that explains the island's figure rather than a headline figure. */
  step?: boolean;
  /** The variant its ratios are taken against. */
  against: string;
  /**
   * Served from the build with /support's variants. They share its boot module, so the bundler
   * splits /support differently there (one more chunk): the headline pages come from a build
   * without them, as shipped, and the steps are compared with /support from their own build.
   */
  inStepsBuild?: boolean;
}

interface Load {
  /** Time to first byte of the HTML. */
  htmlMs: number;
  tokenStartMs: number | null;
  scriptStartMs: number;
  renderedMs: number;
}

/**
 * Records, in the page's own clock, when the awaited element (the Ticket Center's rendered content,
 * a Contact Form) or the failure one (the stand-in's authentication error, the island's problem
 * message) first appears, and reports which through the `__hdhShown` binding. An element appears
 * when it is in the DOM outside any `hidden` element: /support's Contact Form is in its HTML,
 * hidden until the token's answer.
 */
const WATCH_RENDER = ([rendered, error]: readonly [string, string]) => {
  new MutationObserver((_, observer) => {
    const shown = [...document.querySelectorAll(`${rendered}, ${error}`)].find(
      (element) => !element.closest("[hidden]"),
    );
    if (!shown) return;
    observer.disconnect();
    (window as unknown as { __hdhRenderedAt: number }).__hdhRenderedAt = performance.now();
    (window as unknown as { __hdhShown: (failed: boolean) => void }).__hdhShown(
      shown.matches(error),
    );
  }).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["hidden"],
  });
};

/**
 * One fresh-cache load of `path`, signed in with `cookie` (or anonymous when null), timed until
 * the first of `watch` appears; the second of `watch` is a failure.
 */
async function measure(
  browser: Browser,
  siteUrl: string,
  cookie: string | null,
  path: string,
  watch: readonly [string, string] = [RENDERED, AUTH_ERROR],
): Promise<Load> {
  const context =
    cookie === null ? await browser.newContext() : await signedInContext(browser, siteUrl, cookie);
  try {
    const page = await context.newPage();
    // Waited for through a binding rather than `page.waitForSelector`: Playwright's selector
    // engine is a script of its own, and compiling it while the page loads (tens of ms of the
    // main thread) would delay whichever page is busier at that moment.
    const shown = Promise.withResolvers<boolean>();
    await page.exposeFunction("__hdhShown", shown.resolve);
    await page.addInitScript(WATCH_RENDER, watch);
    await emulateNetwork(page);
    await page.goto(`${siteUrl}${path}`, { waitUntil: "commit", timeout: 30_000 });
    const timer = setTimeout(
      () => shown.reject(new Error(`${path}: ${watch[0]} did not appear in 30 s`)),
      30_000,
    );
    const failed = await shown.promise.finally(() => clearTimeout(timer));
    if (failed) throw new Error(`${path}: ${watch[1]} appeared instead of ${watch[0]}`);
    const timings = await page.evaluate(
      ([script, token]) => {
        const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
        const first = (pattern: string) => {
          const starts = resources
            .filter((r) => new RegExp(pattern).test(new URL(r.name).pathname))
            .map((r) => r.startTime);
          return starts.length ? Math.min(...starts) : null;
        };
        const navigation = performance.getEntriesByType("navigation")[0] as
          PerformanceNavigationTiming | undefined;
        return {
          htmlMs: navigation?.responseStart ?? Number.NaN,
          tokenStartMs: first(token),
          scriptStartMs: first(script) ?? Number.NaN,
          renderedMs:
            (window as unknown as { __hdhRenderedAt?: number }).__hdhRenderedAt ?? Number.NaN,
        };
      },
      [SCRIPT.source, TOKEN.source] as const,
    );
    return timings;
  } finally {
    await context.close();
  }
}

export async function run(): Promise<void> {
  console.log(
    "time-to-ticket-center: building two bench copies (Node adapter, bench-only pages, one with /support's variants)…",
  );
  const shipped = sharedBenchCopy({ benchPages: true, supportVariants: false });
  const withSteps = sharedBenchCopy({ benchPages: true });
  const ISLAND = "island (/support, static)";
  const GUIDE = "guide: per-request page";
  const STEPS_REFERENCE = "island, all steps (variants' build)";
  const variants: Variant[] = [
    { name: ISLAND, path: "/support", against: GUIDE },
    { name: GUIDE, path: "/bench/guide", against: GUIDE },
    { name: "server island (server:defer)", path: "/bench/server-island", against: GUIDE },
    {
      name: "minimal loader, no React (static)",
      path: "/bench/minimal-loader",
      step: true,
      against: GUIDE,
    },
    {
      name: STEPS_REFERENCE,
      path: "/support",
      step: true,
      against: STEPS_REFERENCE,
      inStepsBuild: true,
    },
  ];
  for (const name of Object.keys(SUPPORT_VARIANTS)) {
    if (existsSync(join(withSteps.dir, "src/pages/bench", `${name}.astro`))) {
      const step = name.replace("support-", "").replaceAll("-", " ");
      variants.push({
        name: `island, ${step}`,
        path: `/bench/${name}`,
        step: true,
        against: STEPS_REFERENCE,
        inStepsBuild: true,
      });
    }
  }

  const servers = {
    shipped: await startProductionServer(shipped.dir, { SESSION_SECRET: BENCH_SESSION_SECRET }),
    withSteps: await startProductionServer(withSteps.dir, { SESSION_SECRET: BENCH_SESSION_SECRET }),
  };
  const browser = await launchChromium();
  try {
    const cookie = await signIn(servers.shipped.url);
    const siteOf = (v: Variant) => (v.inStepsBuild ? servers.withSteps.url : servers.shipped.url);
    const loads: Record<string, Load[]> = Object.fromEntries(variants.map((v) => [v.name, []]));
    // One unmeasured load of each headline page and of the steps' reference first (server-side
    // warm-up), then the measured loads, interleaved; the steps share their reference's server code.
    for (const v of variants.filter((v) => !v.step || v.name === STEPS_REFERENCE))
      await measure(browser, siteOf(v), cookie, v.path);
    for (let i = 1; i <= LOADS; i++) {
      console.log(`time-to-ticket-center: load ${i}/${LOADS} of each page`);
      for (const v of variants) {
        if (v.step && i > STEP_LOADS) continue;
        loads[v.name]!.push(await measure(browser, siteOf(v), cookie, v.path));
      }
    }

    const medians = Object.fromEntries(
      variants.map((v) => {
        const all = loads[v.name]!;
        const tokenStarts = all.map((l) => l.tokenStartMs).filter((t): t is number => t !== null);
        return [
          v.name,
          {
            htmlMs: median(all.map((l) => l.htmlMs)),
            tokenStartMs: tokenStarts.length ? median(tokenStarts) : null,
            scriptStartMs: median(all.map((l) => l.scriptStartMs)),
            renderedMs: median(all.map((l) => l.renderedMs)),
          },
        ];
      }),
    );
    const baseline = medians[GUIDE]!;
    const island = medians[ISLAND]!;
    const rows: Row[] = variants.map((v) => {
      const m = medians[v.name]!;
      const against = medians[v.against]!;
      return {
        page: v.name,
        loads: String(loads[v.name]!.length),
        "HTML TTFB ms": fmt(m.htmlMs),
        "token start ms": m.tokenStartMs === null ? "–" : fmt(m.tokenStartMs),
        // With a preload of the script, this is when the preload starts.
        "script start ms": fmt(m.scriptStartMs),
        "rendered ms": fmt(m.renderedMs),
        against: v.against === v.name ? "(baseline)" : v.against,
        "script ×": fmtRatio(ratio(m.scriptStartMs, against.scriptStartMs)),
        "rendered ×": fmtRatio(ratio(m.renderedMs, against.renderedMs)),
      };
    });
    const network = `${SLOW_4G.latencyMs} ms RTT, ${SLOW_4G.downloadKbps / 1000} Mbps down, ${SLOW_4G.uploadKbps} Kbps up${CPU_SLOWDOWN > 1 ? `, CPU ${CPU_SLOWDOWN}× slower` : ""}`;
    printTable(
      `Time to Ticket Center: median of ${LOADS} fresh-cache loads (steps: ${STEP_LOADS}), ${network}, Chromium ${chromiumVersion(browser)}`,
      rows,
    );
    const renderedRatio = ratio(island.renderedMs, baseline.renderedMs);
    console.log(
      `\nTarget: island ≤ 1.05× the guide's page (as the Node server serves them): ${renderedRatio <= 1.05 ? "met" : "MISSED"} (${fmtRatio(renderedRatio)})`,
    );

    // Anonymous visitors: /support's Contact Form (in its HTML, shown with the token's answer)
    // against the static /contact page's (timed when it enters the DOM). One unmeasured load of
    // each, then interleaved, in alternating order.
    const anonymous = { support: [] as number[], contact: [] as number[] };
    const formLoad = async (path: "/support" | "/contact") =>
      (await measure(browser, servers.shipped.url, null, path, [CONTACT_FORM, FAILED_ISLAND]))
        .renderedMs;
    await formLoad("/support");
    await formLoad("/contact");
    for (let i = 1; i <= LOADS; i++) {
      console.log(`time-to-ticket-center: anonymous load ${i}/${LOADS} of /support and /contact`);
      for (const path of i % 2
        ? (["/support", "/contact"] as const)
        : (["/contact", "/support"] as const)) {
        anonymous[path === "/support" ? "support" : "contact"].push(await formLoad(path));
      }
    }
    const formMs = { support: median(anonymous.support), contact: median(anonymous.contact) };
    printTable(
      `Time to Contact Form, anonymous: median of ${LOADS} fresh-cache loads, ${network}`,
      [
        {
          page: "/contact (server-rendered form, no JavaScript)",
          "form shown ms": fmt(formMs.contact),
          "×": "1.00×",
        },
        {
          page: "/support (shown with the token's answer)",
          "form shown ms": fmt(formMs.support),
          "×": fmtRatio(ratio(formMs.support, formMs.contact)),
        },
      ],
    );
    const file = writeResults("time-to-ticket-center", {
      chromium: chromiumVersion(browser),
      network: SLOW_4G,
      cpuSlowdown: CPU_SLOWDOWN,
      loadsPerPage: LOADS,
      loadsPerStep: STEP_LOADS,
      variants,
      medians,
      loads,
      contactForm: { medians: formMs, loads: anonymous },
    });
    console.log(`time-to-ticket-center: wrote ${file}`);
  } finally {
    await browser.close();
    await servers.shipped.stop();
    await servers.withSteps.stop();
  }
}

if (import.meta.main) await runAlone(run);
