import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { blockNames, renderBlocks } from "../../bench/lib/docs-tables.ts";

// The benchmark tables of docs/benchmarks.md are the figures in bench/results/*.json, as `npm run bench:docs`
// renders them: a figure typed by hand, or results rerun without the docs, fails here.
const readme = readFileSync("docs/benchmarks.md", "utf8");
const results = (name: string) => JSON.parse(readFileSync(`bench/results/${name}.json`, "utf8"));

test("docs/benchmarks.md has its generated benchmark tables", () => {
  expect(blockNames(readme)).toEqual([
    "token",
    "js-shipped",
    "vercel-function",
    "contact-store",
    "time-to-ticket-center",
  ]);
});

test("each generated table is what its results file renders to", () => {
  expect(renderBlocks(readme, results)).toBe(readme);
});

test.each([
  [
    "the JavaScript shipped",
    /\| `\/support` \| (\d+) \| [\d.]+ \| [\d.]+ \|/,
    "| `/support` | $1 | 200.0 | 60.0 |",
  ],
  [
    "the token endpoint's ratio",
    /\*\*token endpoint\*\* \| 16 \| (\d+) \| (\d+) \| (\d+) \| 0 \| \*\*[\d.]+×\*\*/,
    "**token endpoint** | 16 | $1 | $2 | $3 | 0 | **0.83×**",
  ],
  [
    "the time to Ticket Center",
    /\*\*the island on static `\/support`\*\* \| (\d+) \| \d+ \|/,
    "**the island on static `/support`** | $1 | 972 |",
  ],
  ["a step's ratio", /\| preload of the token \| [\d.]+× \|/, "| preload of the token | 1.22× |"],
])("a figure edited by hand is caught: %s", (_name, figure, typed) => {
  const edited = readme.replace(figure, typed);
  expect(edited).not.toBe(readme);
  expect(renderBlocks(edited, results)).not.toBe(edited);
});

test("the token and time-to-Ticket-Center tables say whether their targets were met, from the results", () => {
  const token = results("token");
  const at16 = (target: string) =>
    token.results[target].find((run: { connections: number }) => run.connections === 16)
      .requestsPerSecond;
  const tokenRatio = at16("token endpoint") / at16("Astro constant JSON");
  expect(readme).toContain(
    `≥ 0.9× the constant endpoint: ${tokenRatio >= 0.9 ? "met" : "missed"} (${tokenRatio.toFixed(2)}×)`,
  );

  const ttc = results("time-to-ticket-center");
  const islandRatio =
    ttc.medians["island (/support, static)"].renderedMs /
    ttc.medians["guide: per-request page"].renderedMs;
  expect(readme).toContain(
    `**${islandRatio.toFixed(2)}×** (target ≤ 0.90×: ${islandRatio <= 0.9 ? "met" : "missed"})`,
  );
});
