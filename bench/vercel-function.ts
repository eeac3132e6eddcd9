// Vercel function (issue part 4): the size of .vercel/output/functions/_render.func as a deploy
// uploads it, and its cold start (fresh Node process: import the handler, serve a first request),
// median of 10, against a bare handler doing the same HMAC. A second build, without the site's
// lean-server-bundle integration (bench/fixtures/astro.unbundled.config.mjs), shows what bundling
// the large dependencies saves over the adapter's default of copying them from node_modules.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runAlone, sharedBenchCopy } from "./lib/bench-copy.ts";
import { coldStart, type ColdStart } from "./lib/cold-start.ts";
import { ROOT } from "./lib/paths.ts";
import { printTable, writeResults, type Row } from "./lib/report.ts";
import { BENCH_SESSION_SECRET, sealedCookie } from "./lib/session.ts";
import { fmt, fmtRatio, kb, median, ratio } from "./lib/stats.ts";
import { treeSize, type TreeSize } from "./lib/tree-size.ts";

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 10);
const BUDGET_BYTES = 2 * 1024 * 1024;
// Vercel runs functions with NODE_ENV=production; stand-in mode so the demo cookie gets a signature.
// The function must not depend on it, though: it is also checked with NODE_ENV unset.
const FUNCTION_ENV = {
  NODE_ENV: "production",
  HELPDESKY_STANDIN: "1",
  SESSION_SECRET: BENCH_SESSION_SECRET,
};

interface Built {
  name: string;
  dir: string;
  handler: string;
  size: TreeSize;
}

function inspect(name: string, copyDir: string): Built {
  const dir = join(copyDir, ".vercel/output/functions/_render.func");
  const config = JSON.parse(readFileSync(join(dir, ".vc-config.json"), "utf8")) as {
    handler: string;
  };
  return { name, dir, handler: join(dir, config.handler), size: treeSize(dir) };
}

/** Checks a function answers the routes it serves; returns a line per route for the report. */
function verify(built: Built, env: Record<string, string>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const path of ["/api/helpdesky-token", "/login"]) {
    try {
      out[path] = coldStart(
        built.handler,
        { url: `https://acme.example${path}`, headers: { cookie: sealedCookie() } },
        env,
      ).status;
    } catch {
      out[path] = "crashed";
    }
  }
  return out;
}

export async function run(): Promise<void> {
  console.log(
    "vercel: building the Vercel output, as configured and with its dependencies unbundled…",
  );
  const asConfigured = inspect("as configured", sharedBenchCopy({ vercel: true }).dir);
  const unbundled = inspect(
    "unbundled (adapter default)",
    sharedBenchCopy({ vercel: true, config: "astro.unbundled.config.mjs" }).dir,
  );

  const checks = {
    asConfigured: verify(asConfigured, FUNCTION_ENV),
    asConfiguredWithoutNodeEnv: verify(asConfigured, { ...FUNCTION_ENV, NODE_ENV: "" }),
    unbundled: verify(unbundled, FUNCTION_ENV),
  };

  const request = {
    url: "https://acme.example/api/helpdesky-token",
    headers: { cookie: sealedCookie() },
  };
  const handlers = [
    { name: "bare handler (HMAC only)", path: join(ROOT, "bench/baselines/bare-handler.mjs") },
    { name: `function, ${asConfigured.name}`, path: asConfigured.handler },
    { name: `function, ${unbundled.name}`, path: unbundled.handler },
  ];
  const runs: Record<string, ColdStart[]> = Object.fromEntries(handlers.map((h) => [h.name, []]));
  // Interleaved, so that other load on the machine weighs on each handler alike; bounded by RUNS.
  for (let i = 1; i <= RUNS; i++) {
    for (const handler of handlers) {
      const result = coldStart(handler.path, request, FUNCTION_ENV);
      if (result.status !== 200) throw new Error(`${handler.name} answered ${result.status}`);
      runs[handler.name]!.push(result);
    }
  }
  const medians = Object.fromEntries(
    handlers.map((h) => {
      const all = runs[h.name]!;
      const pick = (key: keyof ColdStart) => median(all.map((r) => r[key]));
      return [
        h.name,
        {
          bootMs: pick("bootMs"),
          importMs: pick("importMs"),
          firstRequestMs: pick("firstRequestMs"),
          coldMs: pick("coldMs"),
          wallMs: pick("wallMs"),
        },
      ];
    }),
  );

  const sizeRows: Row[] = [asConfigured, unbundled].map((b) => {
    const check = checks[b === unbundled ? "unbundled" : "asConfigured"];
    return {
      function: b.name,
      "size KiB": kb(b.size.bytes),
      files: String(b.size.files),
      "× budget (2 MiB)": fmtRatio(ratio(b.size.bytes, BUDGET_BYTES)),
      "× unbundled": fmtRatio(ratio(b.size.bytes, unbundled.size.bytes)),
      "GET token / login": `${check["/api/helpdesky-token"]} / ${check["/login"]}`,
    };
  });
  printTable("Vercel function size (symlinks followed, as uploaded)", sizeRows);

  const largest = Object.entries(unbundled.size.byPackage)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  printTable(
    "Largest parts of the function (unbundled → as configured; bundled packages count as own code)",
    largest.map(([pkg, bytes]) => ({
      part: pkg,
      "KiB unbundled": kb(bytes),
      "KiB as configured": kb(asConfigured.size.byPackage[pkg] ?? 0),
    })),
  );

  const bare = medians[handlers[0]!.name]!;
  printTable(
    `Cold start: median of ${RUNS} fresh Node processes, NODE_ENV=production`,
    handlers.map((h) => {
      const m = medians[h.name]!;
      return {
        handler: h.name,
        "import ms": fmt(m.importMs, 1),
        "1st request ms": fmt(m.firstRequestMs, 1),
        "import + request ms": fmt(m.coldMs, 1),
        "× bare": fmtRatio(ratio(m.coldMs, bare.coldMs)),
        "process wall ms": fmt(m.wallMs, 0),
      };
    }),
  );
  const sizeMet = asConfigured.size.bytes < BUDGET_BYTES;
  console.log(
    `\nTarget: function under 2 MiB: ${sizeMet ? "met" : "MISSED"} (${kb(asConfigured.size.bytes)} KiB)`,
  );
  console.log(
    `Without NODE_ENV=production: token ${checks.asConfiguredWithoutNodeEnv["/api/helpdesky-token"]}, login ${checks.asConfiguredWithoutNodeEnv["/login"]}`,
  );

  const file = writeResults("vercel-function", {
    budgetBytes: BUDGET_BYTES,
    sizes: { asConfigured: asConfigured.size, unbundled: unbundled.size },
    checks,
    coldStart: { runs: RUNS, env: FUNCTION_ENV, medians, all: runs },
  });
  console.log(`vercel: wrote ${file}`);
}

if (import.meta.main) await runAlone(run);
