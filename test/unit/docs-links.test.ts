import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, test } from "vitest";

// The READMEs and docs/ link to each other's sections; a section that moves or is renamed must not
// leave a reader at a dead link.
const ROOT = resolve(import.meta.dirname, "../..");
const DOCS = [
  "README.md",
  "packages/astro-helpdesky/README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, "")
    .replaceAll(" ", "-");
}

function anchorsIn(file: string): Set<string> {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1]!)));
}

test("every relative link in the READMEs and docs/ reaches a file, and its section", () => {
  const broken: string[] = [];
  for (const doc of DOCS) {
    const file = join(ROOT, doc);
    const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [path, anchor] = target!.split("#") as [string, string | undefined];
      const linked = path === "" ? file : resolve(dirname(file), path);
      if (!existsSync(linked)) {
        broken.push(`${doc}: ${target} (no such file)`);
      } else if (
        anchor &&
        statSync(linked).isFile() &&
        linked.endsWith(".md") &&
        !anchorsIn(linked).has(anchor)
      ) {
        broken.push(`${doc}: ${target} (no such section in ${relative(ROOT, linked)})`);
      }
    }
  }
  expect(broken).toEqual([]);
});
