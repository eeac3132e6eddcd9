// `npm run bench` runs every benchmark in turn; `npm run bench -- token vercel` runs those alone.
// Each prints a Markdown table and writes bench/results/<name>.json.
import { removeSharedCopies } from "./lib/bench-copy.ts";
import { machine } from "./lib/report.ts";

const BENCHMARKS: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  token: () => import("./token.ts"),
  vercel: () => import("./vercel-function.ts"),
  js: () => import("./js-shipped.ts"),
  "time-to-ticket-center": () => import("./time-to-ticket-center.ts"),
  "contact-store": () => import("./contact-store.ts"),
};

const asked = process.argv.slice(2).filter((arg) => arg !== "--");
const unknown = asked.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(", ")}. Known: ${Object.keys(BENCHMARKS).join(", ")}`,
  );
  process.exit(2);
}
const names = asked.length > 0 ? asked : Object.keys(BENCHMARKS);

const host = machine();
console.log(`Machine: ${JSON.stringify(host)}`);
if (host.loadAverage1m > host.cores) {
  // Absolute figures then mostly measure the other work; ratios within a run still compare.
  console.warn(
    `Warning: the machine is busy (load ${host.loadAverage1m} on ${host.cores} cores): absolute figures will be noisy.`,
  );
}
const started = Date.now();
let failed = false;
try {
  for (const name of names) {
    const t0 = Date.now();
    try {
      await (await BENCHMARKS[name]!()).run();
    } catch (error) {
      // One broken benchmark should not hide the others' figures.
      failed = true;
      console.error(`\n${name} failed:`, error);
    }
    console.log(`(${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
} finally {
  removeSharedCopies();
}
console.log(`\nAll done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
process.exitCode = failed ? 1 : 0;
