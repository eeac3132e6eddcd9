import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { DEFAULT_MESSAGES } from "../../src/messages/default-messages.ts";

// The Messages table of the integration's README, held to the code: each key the option takes,
// in order, with its English default as the components show it.

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, path = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const name = path ? `${path}.${key}` : key;
    return typeof value === "string" ? [[name, value] as [string, string]] : keysOf(value, name);
  });
}

function documentedRows(): [string, string][] {
  const readme = readFileSync("packages/astro-helpdesky/README.md", "utf8");
  const section = readme.split("\n## Messages\n")[1]?.split("\n## ")[0] ?? "";
  return section
    .split("\n")
    .filter((line) => /^\| `[^`]+` \|/.test(line))
    .map((line) => {
      const [key, text] = line.slice(1, -1).split(" | ");
      return [key.trim().replaceAll("`", ""), text.trim()];
    });
}

test("the README's Messages table lists every key with its default, and nothing else", () => {
  const rows = documentedRows();
  expect(rows.length).toBeGreaterThan(50);
  expect(rows).toEqual(keysOf(DEFAULT_MESSAGES));
});
