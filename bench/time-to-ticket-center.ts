// Time to Ticket Center (issue part 1): in Chromium on an emulated slow 4G link, signed in, when
// the request for ticket-center.js starts and when the Ticket Center has rendered, from navigation
// start. Medians of fresh-cache loads, interleaved across pages, for: the island (/support), the
// guide's approach (a page rendered per request that writes the script tag), a server island
// (`server:defer`) writing the script tag, and variants of /support each without one loading step
// (from a second build: the variants change how /support is split into chunks), and the island
// and the guide's page again behind a proxy that models a CDN edge and a one-region function.
// Then, without a session, when anonymous /support shows its Contact Form, against the static
// /contact page, with and without a stale signed-in hint.
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
import { SESSION_HINT_COOKIE } from "../src/auth/session-hint-cookie.ts";
import { startEdgeProxy } from "./lib/edge-proxy.ts";
import { startLinkProxy } from "./lib/link-proxy.ts";
import { printTable, writeResults, type Row } from "./lib/report.ts";
import { startProductionServer } from "./lib/server.ts";
import { BENCH_SESSION_SECRET, signIn } from "./lib/session.ts";
import { fmt, fmtRatio, median, ratio } from "./lib/stats.ts";
import { SUPPORT_VARIANTS } from "./lib/support-variants.ts";

const LOADS = Number(process.env.BENCH_TTC_LOADS ?? 10);
// How much later than a static file an on-demand route answers behind the edge proxy: the extra
// round trip to a function in one region, for a visitor near a CDN edge but far from the region.
const EDGE_FUNCTION_MS = Number(process.env.BENCH_EDGE_FUNCTION_MS ?? 100);
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
  /**
   * Served through a proxy: "edge" (static files near, on-demand routes EDGE_FUNCTION_MS further),
   * "uncompressed" (the steps' build, its pages asked for without compression) or "link" (the slow
   * link modelled by a TCP proxy instead of Chromium's emulation).
   */
  proxy?: "edge" | "uncompressed" | "link";
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
 * when it is in the DOM and rendered: /support's Contact Form is in its HTML, hidden until the
 * token's answer or, without a signed-in hint, shown by the page's styles from the first paint.
 */
const WATCH_RENDER = ([rendered, error]: readonly [string, string]) => {
  new MutationObserver((_, observer) => {
    const shown = [...document.querySelectorAll(`${rendered}, ${error}`)].find((element) =>
      element.checkVisibility(),
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
  { staleHint = false, emulate = true }: { staleHint?: boolean; emulate?: boolean } = {},
): Promise<Load> {
  const context =
    cookie === null ? await browser.newContext() : await signedInContext(browser, siteUrl, cookie);
  // The header's signed-in hint without a session: the page asks the token, which answers 401.
  if (staleHint)
    await context.addCookies([{ name: SESSION_HINT_COOKIE, value: "1", url: siteUrl }]);
  try {
    const page = await context.newPage();
    // Waited for through a binding rather than `page.waitForSelector`: Playwright's selector
    // engine is a script of its own, and compiling it while the page loads (tens of ms of the
    // main thread) would delay whichever page is busier at that moment.
    const shown = Promise.withResolvers<boolean>();
    await page.exposeFunction("__hdhShown", shown.resolve);
    await page.addInitScript(WATCH_RENDER, watch);
    await emulateNetwork(page, emulate ? SLOW_4G : null);
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
  const EDGE_ISLAND = "island, CDN edge + one-region function";
  const EDGE_GUIDE = "guide, CDN edge + one-region function";
  const LINK_ISLAND = "island, modelled link";
  const LINK_GUIDE = "guide, modelled link";
  const STEPS_REFERENCE = "island, all steps (variants' build)";
  const variants: Variant[] = [
    { name: ISLAND, path: "/support", against: GUIDE },
    { name: GUIDE, path: "/bench/guide", against: GUIDE },
    { name: "server island (server:defer)", path: "/bench/server-island", against: GUIDE },
    { name: EDGE_ISLAND, path: "/support", against: EDGE_GUIDE, proxy: "edge" },
    { name: EDGE_GUIDE, path: "/bench/guide", against: EDGE_GUIDE, proxy: "edge" },
    { name: LINK_ISLAND, path: "/support", against: LINK_GUIDE, proxy: "link" },
    { name: LINK_GUIDE, path: "/bench/guide", against: LINK_GUIDE, proxy: "link" },
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
  variants.push({
    name: "island, HTML uncompressed",
    path: "/support",
    step: true,
    against: STEPS_REFERENCE,
    inStepsBuild: true,
    proxy: "uncompressed",
  });
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
  // Chromium's emulated latency is a floor (a response that takes longer is not delayed further),
  // so the proxy holds an on-demand answer for that latency plus the function's extra distance.
  const edge = await startEdgeProxy(servers.shipped.url, join(shipped.dir, "dist/client"), {
    functionDelayMs: SLOW_4G.latencyMs + EDGE_FUNCTION_MS,
  });
  const uncompressed = await startEdgeProxy(
    servers.withSteps.url,
    join(withSteps.dir, "dist/client"),
    { uncompressedPages: true },
  );
  // The same link as the emulation, as connections and bytes: no DevTools throttling on top.
  const link = await startLinkProxy(servers.shipped.url, SLOW_4G);
  const browser = await launchChromium();
  try {
    const cookie = await signIn(servers.shipped.url);
    const siteOf = (v: Variant) =>
      v.proxy === "edge"
        ? edge.url
        : v.proxy === "link"
          ? link.url
          : v.proxy === "uncompressed"
            ? uncompressed.url
            : v.inStepsBuild
              ? servers.withSteps.url
              : servers.shipped.url;
    const load = (v: Variant) =>
      measure(browser, siteOf(v), cookie, v.path, undefined, { emulate: v.proxy !== "link" });
    const loads: Record<string, Load[]> = Object.fromEntries(variants.map((v) => [v.name, []]));
    // One unmeasured load of each headline page and of the steps' reference first (server-side
    // warm-up), then the measured loads, interleaved; the steps share their reference's server code.
    for (const v of variants.filter((v) => !v.step || v.name === STEPS_REFERENCE)) await load(v);
    for (let i = 1; i <= LOADS; i++) {
      console.log(`time-to-ticket-center: load ${i}/${LOADS} of each page`);
      for (const v of variants) {
        if (v.step && i > STEP_LOADS) continue;
        loads[v.name]!.push(await load(v));
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
      `\nTarget: island ≤ 0.90× the guide's page (as the Node server serves them): ${renderedRatio <= 0.9 ? "met" : "MISSED"} (${fmtRatio(renderedRatio)})`,
    );

    // Anonymous visitors: /support's Contact Form (in its HTML, shown with the token's answer)
    // against the static /contact page's (timed when it enters the DOM). One unmeasured load of
    // each, then interleaved, in alternating order.
    // A stale hint (the header's cookie without a session) is the step taken away: the page then
    // asks the token and shows the form with its 401, as every anonymous visit did without the hint.
    type FormPage = "support" | "contact" | "supportStaleHint";
    const anonymous: Record<FormPage, number[]> = {
      support: [],
      contact: [],
      supportStaleHint: [],
    };
    const formLoad = async (which: FormPage) =>
      (
        await measure(
          browser,
          servers.shipped.url,
          null,
          which === "contact" ? "/contact" : "/support",
          [CONTACT_FORM, FAILED_ISLAND],
          { staleHint: which === "supportStaleHint" },
        )
      ).renderedMs;
    const order: FormPage[] = ["support", "contact", "supportStaleHint"];
    for (const which of order) await formLoad(which);
    for (let i = 1; i <= LOADS; i++) {
      console.log(`time-to-ticket-center: anonymous load ${i}/${LOADS} of /support and /contact`);
      // Rotated, so that no page always comes first.
      for (let k = 0; k < order.length; k++) {
        const which = order[(i + k) % order.length]!;
        anonymous[which].push(await formLoad(which));
      }
    }
    const formMs = {
      support: median(anonymous.support),
      contact: median(anonymous.contact),
      supportStaleHint: median(anonymous.supportStaleHint),
    };
    printTable(
      `Time to Contact Form, anonymous: median of ${LOADS} fresh-cache loads, ${network}`,
      [
        {
          page: "/contact (server-rendered form, no JavaScript)",
          "form shown ms": fmt(formMs.contact),
          "×": "1.00×",
        },
        {
          page: "/support (no signed-in hint: shown at first paint)",
          "form shown ms": fmt(formMs.support),
          "×": fmtRatio(ratio(formMs.support, formMs.contact)),
        },
        {
          page: "/support, stale signed-in hint (shown with the token's 401)",
          "form shown ms": fmt(formMs.supportStaleHint),
          "×": fmtRatio(ratio(formMs.supportStaleHint, formMs.contact)),
        },
      ],
    );
    const file = writeResults("time-to-ticket-center", {
      chromium: chromiumVersion(browser),
      network: SLOW_4G,
      cpuSlowdown: CPU_SLOWDOWN,
      edgeFunctionMs: EDGE_FUNCTION_MS,
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
    await edge.stop();
    await link.stop();
    await uncompressed.stop();
    await servers.shipped.stop();
    await servers.withSteps.stop();
  }
}

if (import.meta.main) await runAlone(run);
