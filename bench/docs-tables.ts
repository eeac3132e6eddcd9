// Writes the tables of docs/benchmarks.md from bench/results/*.json (see lib/docs-tables.ts).
//   npm run bench:docs
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderBlocks } from "./lib/docs-tables.ts";
import { RESULTS_DIR } from "./lib/paths.ts";

const readme = new URL("../docs/benchmarks.md", import.meta.url);
const before = readFileSync(readme, "utf8");
const after = renderBlocks(before, (name) =>
  JSON.parse(readFileSync(join(RESULTS_DIR, `${name}.json`), "utf8")),
);
writeFileSync(readme, after);
console.log(
  after === before
    ? "docs/benchmarks.md's tables already match bench/results."
    : "docs/benchmarks.md's tables rewritten from bench/results.",
);
