// The benchmark tables of docs/benchmarks.md, rendered from what the benchmarks wrote to bench/results/*.json,
// so that a figure in the docs is always one a run produced. `npm run bench:docs` writes them into
// docs/benchmarks.md between `<!-- bench:<name> -->` and `<!-- /bench:<name> -->`; a unit test fails when
// the doc and the results disagree.

// Each table reads the fields its own benchmark wrote; bench-docs.test.ts holds the two together.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const KIB = 1024;
const kib = (bytes: number) => (bytes / KIB).toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}×`;

/** When and where the figures were taken: absolute figures only compare within one run. */
function provenance(result: Json, setting = ""): string {
  const { node, cores, loadAverage1m } = result.machine;
  const command =
    { "js-shipped": "js", "vercel-function": "vercel" }[result.benchmark as string] ??
    result.benchmark;
  return `Measured ${String(result.date).slice(0, 10)} by \`npm run bench -- ${command}\` (Node ${node}, ${cores} cores, load ${loadAverage1m}${setting}).`;
}

const verdict = (met: boolean) => (met ? "met" : "missed");

function jsShipped(result: Json): string {
  const rows = [
    "| Page | scripts | JavaScript KiB raw | KiB gzip | inline script KiB raw | budget |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  const budget = result.budgetGzip as number;
  for (const page of result.pages as Json[]) {
    const own = (page.scripts as Json[]).filter((script) => !script.embed).length;
    const isSupport = String(page.path).startsWith("/support");
    const isBenchOnly = String(page.path).startsWith("/bench/");
    const verdict = isBenchOnly
      ? ""
      : isSupport
        ? `${kib(budget)} gzip (${page.gzip <= budget ? "met" : "missed"})`
        : `0 (${page.raw === 0 ? "met" : "missed"})`;
    rows.push(
      `| \`${page.path}\` | ${own} | ${kib(page.raw)} | ${kib(page.gzip)} | ${kib(page.inlineRaw)} | ${verdict} |`,
    );
  }
  rows.push(
    `| the island's own code (\`/support\` less React alone) | | ${kib(result.islandOwn.raw)} | ${kib(result.islandOwn.gzip)} | | ≈ 5 gzip |`,
  );
  return [...rows, "", provenance(result)].join("\n");
}

function vercelFunction(result: Json): string {
  const medians = result.coldStart.medians as Record<string, Json>;
  const bare = Object.entries(medians).find(([name]) => name.startsWith("bare"))![1];
  const size = (name: "asConfigured" | "unbundled") => result.sizes[name].bytes as number;
  const budget = result.budgetBytes as number;
  const rows = [
    "| Vercel function | size KiB | × the 2 MiB budget | cold start ms (import + first request) | × a bare HMAC handler |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const [name, key] of [
    ["function, as configured", "asConfigured"],
    ["function, unbundled (adapter default)", "unbundled"],
  ] as const) {
    const cold = medians[name]!.coldMs as number;
    rows.push(
      `| ${name} | ${kib(size(key))} | ${ratio(size(key) / budget)} | ${cold.toFixed(0)} | ${ratio(cold / bare.coldMs)} |`,
    );
  }
  rows.push(`| bare handler (HMAC only) | | | ${(bare.coldMs as number).toFixed(0)} | 1.00× |`);
  return [...rows, "", provenance(result)].join("\n");
}

function contactStore(result: Json): string {
  const rows = [
    "| Contact Form, `POST /api/contact` | connections | req/s | p50 ms | p99 ms | × the memory store |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  const memory = (result.results["memory store"] as Json[])[0]!;
  for (const [store, runs] of Object.entries(result.results as Record<string, Json[]>)) {
    const run = runs[0]!;
    rows.push(
      `| ${store} | ${run.connections} | ${run.requestsPerSecond.toFixed(0)} | ${run.p50Ms} | ${run.p99Ms} | ${ratio(run.requestsPerSecond / memory.requestsPerSecond)} |`,
    );
  }
  return [...rows, "", provenance(result)].join("\n");
}

const TOKEN_TARGETS = [
  ["bare node:http (floor)", "bare `node:http` (floor of the machine)"],
  ["Astro constant JSON", "Astro constant JSON"],
  ["Astro constant JSON + session", "Astro constant JSON, with the session check"],
  ["token endpoint", "**token endpoint**"],
] as const;

function tokenEndpoint(result: Json): string {
  const runs = result.results as Record<string, Json[]>;
  const at = (target: string, connections: number) =>
    runs[target]!.find((run) => run.connections === connections)!;
  const rows = [
    "| Token endpoint, `GET /api/helpdesky-token` | connections | req/s | p50 ms | p99 ms | errors | × constant JSON |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const connections of [16, 64]) {
    const constant = at("Astro constant JSON", connections);
    for (const [target, label] of TOKEN_TARGETS) {
      const run = at(target, connections);
      const times = ratio(run.requestsPerSecond / constant.requestsPerSecond);
      rows.push(
        `| ${label} | ${connections} | ${run.requestsPerSecond.toFixed(0)} | ${run.p50Ms} | ${run.p99Ms} | ${run.errors + run.non2xx} | ${target === "token endpoint" ? `**${times}**` : times} |`,
      );
    }
  }
  const at16 =
    at("token endpoint", 16).requestsPerSecond / at("Astro constant JSON", 16).requestsPerSecond;
  const { tokenAtLeast0_9xConstantAt16, noErrorsAt64 } = result.targetsMet;
  const targets =
    `Targets: the token endpoint at 16 connections ≥ 0.9× the constant endpoint: ${verdict(tokenAtLeast0_9xConstantAt16)} (${ratio(at16)}); ` +
    `no errors at 64 connections: ${verdict(noErrorsAt64)}.`;
  const setting = `, median of ${result.rounds} interleaved runs of ${result.seconds} s`;
  return [...rows, "", targets, "", provenance(result, setting)].join("\n");
}

/** What each of /support's loading steps does, by the name of the variant that takes it away. */
const TTC_STEPS: Record<string, readonly [string, string]> = {
  "island, no boot": ["boot module (no React)", "starts the script before React has loaded"],
  "island, boot deferred": [
    "boot module async, its chunks modulepreloaded",
    "the boot no longer waits for the document and one round trip per import level",
  ],
  "island, no script preload": [
    "preload of `ticket-center.js`",
    "the script downloads while the token is on its way",
  ],
  "island, no token preload": ["preload of the token", "the token request starts with the HTML"],
  "island, HTML uncompressed": [
    "prerendered HTML compressed (brotli), as a CDN sends it",
    "/support's 21 KB of HTML, its styles inline, is 6 KB: less of the link taken before Helpdesky's script",
  ],
  "island, island at once": [
    "island held until the script has loaded",
    "React and the island's chunks no longer share the link with Helpdesky's script and its first requests",
  ],
  "island, linked stylesheet": [
    "stylesheet inlined",
    "a linked stylesheet holds up Astro's inline island scripts, the parser, and in Chromium the async boot module with them",
  ],
};

function timeToTicketCenter(result: Json): string {
  const medians = result.medians as Record<string, Json>;
  const variants = result.variants as Json[];
  const guide = medians["guide: per-request page"]!;
  const island = medians["island (/support, static)"]!;
  const islandRatio = island.renderedMs / guide.renderedMs;
  const headline = [
    "| Time to Ticket Center | script starts ms | rendered ms | rendered × guide |",
    "| --- | --- | --- | --- |",
    `| the guide's per-request page (baseline) | ${guide.scriptStartMs.toFixed(0)} | ${guide.renderedMs.toFixed(0)} | 1.00× |`,
    `| **the island on static \`/support\`** | ${island.scriptStartMs.toFixed(0)} | ${island.renderedMs.toFixed(0)} | **${ratio(islandRatio)}** (target ≤ 0.90×: ${verdict(islandRatio <= 0.9)}) |`,
  ];
  const serverIsland = medians["server island (server:defer)"]!;
  headline.push(
    `| a server island (\`server:defer\`) | ${serverIsland.scriptStartMs.toFixed(0)} | ${serverIsland.renderedMs.toFixed(0)} | ${ratio(serverIsland.renderedMs / guide.renderedMs)} |`,
  );
  // Static files from a CDN edge, on-demand routes from a function further away (an edge proxy).
  const edgeGuide = medians["guide, CDN edge + one-region function"];
  const edgeIsland = medians["island, CDN edge + one-region function"];
  if (edgeGuide && edgeIsland) {
    const extra = `+${result.edgeFunctionMs} ms to the function`;
    headline.push(
      `| the guide's page, CDN edge and one-region function (${extra}) | ${edgeGuide.scriptStartMs.toFixed(0)} | ${edgeGuide.renderedMs.toFixed(0)} | 1.00× (its own baseline) |`,
      `| the island, CDN edge and one-region function (${extra}) | ${edgeIsland.scriptStartMs.toFixed(0)} | ${edgeIsland.renderedMs.toFixed(0)} | ${ratio(edgeIsland.renderedMs / edgeGuide.renderedMs)} |`,
    );
  }

  // The same link as a TCP proxy (connections and bytes) instead of Chromium's per-request emulation.
  const linkGuide = medians["guide, modelled link"];
  const linkIsland = medians["island, modelled link"];
  if (linkGuide && linkIsland) {
    headline.push(
      `| the guide's page, the link modelled by a TCP proxy instead of Chromium's emulation | ${linkGuide.scriptStartMs.toFixed(0)} | ${linkGuide.renderedMs.toFixed(0)} | 1.00× (its own baseline) |`,
      `| the island, the link modelled by a TCP proxy instead of Chromium's emulation | ${linkIsland.scriptStartMs.toFixed(0)} | ${linkIsland.renderedMs.toFixed(0)} | ${ratio(linkIsland.renderedMs / linkGuide.renderedMs)} |`,
    );
  }

  const reference = variants.find((variant) => variant.step && variant.against === variant.name)!;
  const steps = ["| Step | `/support` without it | what it does |", "| --- | --- | --- |"];
  for (const variant of variants.filter(
    (variant) => variant.against === reference.name && variant !== reference,
  )) {
    const [step, what] = TTC_STEPS[variant.name] ?? [variant.name, ""];
    steps.push(
      `| ${step} | ${ratio(medians[variant.name]!.renderedMs / medians[reference.name]!.renderedMs)} | ${what} |`,
    );
  }

  const form = result.contactForm.medians as {
    support: number;
    contact: number;
    supportStaleHint?: number;
  };
  const anonymous = [
    "| Contact Form shown, anonymous | ms | × `/contact` |",
    "| --- | --- | --- |",
    `| \`/contact\` (form in the HTML) | ${form.contact.toFixed(0)} | 1.00× |`,
  ];
  if (form.supportStaleHint === undefined) {
    anonymous.push(
      `| \`/support\` (shown with the token's answer) | ${form.support.toFixed(0)} | ${ratio(form.support / form.contact)} |`,
    );
  } else {
    anonymous.push(
      `| **\`/support\`** (no signed-in hint: shown at first paint, no token asked) | ${form.support.toFixed(0)} | **${ratio(form.support / form.contact)}** (target ≤ 1.20×: ${verdict(form.support / form.contact <= 1.2)}) |`,
      `| \`/support\`, stale signed-in hint (shown with the token's 401) | ${form.supportStaleHint.toFixed(0)} | ${ratio(form.supportStaleHint / form.contact)} |`,
    );
  }
  const { latencyMs, downloadKbps } = result.network;
  const cpu =
    result.cpuSlowdown > 1 ? `, CPU ${result.cpuSlowdown}× slower` : ", CPU at full speed";
  const setting = `, Chromium ${result.chromium}, ${latencyMs} ms RTT and ${downloadKbps / 1000} Mbps down${cpu}; medians of ${result.loadsPerPage} loads, steps ${result.loadsPerStep}`;
  return [...headline, "", ...steps, "", ...anonymous, "", provenance(result, setting)].join("\n");
}

/** The table each results file renders to, by the name of its block in docs/benchmarks.md. */
export const RENDERERS: Record<string, (result: Json) => string> = {
  "js-shipped": jsShipped,
  "vercel-function": vercelFunction,
  "contact-store": contactStore,
  token: tokenEndpoint,
  "time-to-ticket-center": timeToTicketCenter,
};

const BLOCK = /(<!-- bench:([a-z-]+) -->)[\s\S]*?(<!-- \/bench:\2 -->)/g;

/** The names of the generated blocks a document holds. */
export function blockNames(markdown: string): string[] {
  return [...markdown.matchAll(BLOCK)].map((match) => match[2]!);
}

/** The document with every generated block rendered anew from `results` (by block name). */
export function renderBlocks(markdown: string, results: (name: string) => Json): string {
  return markdown.replace(BLOCK, (_whole, open: string, name: string, close: string) => {
    const render = RENDERERS[name];
    if (!render) throw new Error(`No renderer for the docs/benchmarks.md block bench:${name}`);
    return `${open}\n${render(results(name))}\n${close}`;
  });
}
