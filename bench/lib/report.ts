import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join } from "node:path";
import { RESULTS_DIR } from "./paths.ts";

export type Row = Record<string, string>;

/** Prints rows as a Markdown table (pasteable into the README as it is). */
export function printTable(title: string, rows: Row[]): void {
  console.log(`\n### ${title}\n`);
  if (rows.length === 0) return console.log("(no rows)");
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(columns));
  console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
  for (const row of rows) console.log(line(columns.map((c) => row[c] ?? "")));
}

/** The machine a figure was taken on: figures are only comparable within one run on one machine. */
export function machine() {
  return {
    node: process.version,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? "unknown",
    platform: `${process.platform}-${process.arch}`,
    // Other work on the machine skews absolute figures; ratios within one run hold up better.
    loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
  };
}

/** Writes a benchmark's figures to bench/results/<name>.json, with the machine and the date. */
export function writeResults(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ benchmark: name, date: new Date().toISOString(), machine: machine(), ...(data as object) }, null, 2)}\n`,
  );
  return file;
}
