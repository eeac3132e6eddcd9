// The README's benchmark tables, rendered from what the benchmarks wrote to bench/results/*.json,
// so that a figure in the docs is always one a run produced. `npm run bench:docs` writes them into
// the README between `<!-- bench:<name> -->` and `<!-- /bench:<name> -->`; a unit test fails when
// the README and the results disagree.

type Json = Record<string, any>;

const KIB = 1024;
const kib = (bytes: number) => (bytes / KIB).toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}×`;

/** When and where the figures were taken: absolute figures only compare within one run. */
function provenance(result: Json): string {
  const { node, cores, loadAverage1m } = result.machine;
  const command = { "js-shipped": "js", "vercel-function": "vercel" }[result.benchmark as string] ?? result.benchmark;
  return `Measured ${String(result.date).slice(0, 10)} by \`npm run bench -- ${command}\` (Node ${node}, ${cores} cores, load ${loadAverage1m}).`;
}

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
    const verdict = isBenchOnly ? "" : isSupport ? `${kib(budget)} gzip (${page.gzip <= budget ? "met" : "missed"})` : `0 (${page.raw === 0 ? "met" : "missed"})`;
    rows.push(`| \`${page.path}\` | ${own} | ${kib(page.raw)} | ${kib(page.gzip)} | ${kib(page.inlineRaw)} | ${verdict} |`);
  }
  rows.push(`| the island's own code (\`/support\` less React alone) | | ${kib(result.islandOwn.raw)} | ${kib(result.islandOwn.gzip)} | | ≈ 5 gzip |`);
  return [...rows, "", provenance(result)].join("\n");
}

function vercelFunction(result: Json): string {
  const medians = result.coldStart.medians as Record<string, Json>;
  const bare = Object.entries(medians).find(([name]) => name.startsWith("bare"))![1];
  const size = (name: "asConfigured" | "unbundled") => result.sizes[name].bytes as number;
  const budget = result.budgetBytes as number;
  const rows = [
    "| Vercel function | size KiB | × the 2 MB budget | cold start ms (import + first request) | × a bare HMAC handler |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const [name, key] of [["function, as configured", "asConfigured"], ["function, unbundled (adapter default)", "unbundled"]] as const) {
    const cold = medians[name]!.coldMs as number;
    rows.push(`| ${name} | ${kib(size(key))} | ${ratio(size(key) / budget)} | ${cold.toFixed(0)} | ${ratio(cold / bare.coldMs)} |`);
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
    rows.push(`| ${store} | ${run.connections} | ${run.requestsPerSecond.toFixed(0)} | ${run.p50Ms} | ${run.p99Ms} | ${ratio(run.requestsPerSecond / memory.requestsPerSecond)} |`);
  }
  return [...rows, "", provenance(result)].join("\n");
}

/** The table each results file renders to, by the name of its block in the README. */
export const RENDERERS: Record<string, (result: Json) => string> = {
  "js-shipped": jsShipped,
  "vercel-function": vercelFunction,
  "contact-store": contactStore,
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
    if (!render) throw new Error(`No renderer for the README block bench:${name}`);
    return `${open}\n${render(results(name))}\n${close}`;
  });
}
