import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { blockNames, renderBlocks } from "../../bench/lib/docs-tables.ts";

// The README's benchmark tables are the figures in bench/results/*.json, as `npm run bench:docs`
// renders them: a figure typed by hand, or results rerun without the docs, fails here.
const readme = readFileSync("README.md", "utf8");
const results = (name: string) => JSON.parse(readFileSync(`bench/results/${name}.json`, "utf8"));

test("the README has its generated benchmark tables", () => {
  expect(blockNames(readme)).toEqual(["js-shipped", "vercel-function", "contact-store"]);
});

test("each generated table is what its results file renders to", () => {
  expect(renderBlocks(readme, results)).toBe(readme);
});

test("a figure edited by hand is caught", () => {
  const edited = readme.replace(/\| `\/support` \| 5 \| [\d.]+ \| [\d.]+ \|/, "| `/support` | 5 | 200.0 | 60.0 |");
  expect(edited).not.toBe(readme);
  expect(renderBlocks(edited, results)).not.toBe(edited);
});
