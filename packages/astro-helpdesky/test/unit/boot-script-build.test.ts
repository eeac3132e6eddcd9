import { describe, expect, test } from "vitest";
import {
  addModulePreloads,
  makeModuleScriptAsync,
  moduleScripts,
} from "../../src/build/html-edits.ts";
import {
  loadsModule,
  staticImportClosure,
  type ChunkInfo,
} from "../../src/build/static-imports.ts";

function bundle(...chunks: [string, string[], string[]?][]): Map<string, ChunkInfo> {
  return new Map(
    chunks.map(([fileName, imports, moduleIds = []]) => [
      fileName,
      { fileName, imports, moduleIds },
    ]),
  );
}

describe("staticImportClosure", () => {
  const chunks = bundle(
    ["_astro/page.js", ["_astro/start.js", "_astro/runtime.js"]],
    ["_astro/start.js", ["_astro/registry.js", "_astro/runtime.js"]],
    ["_astro/registry.js", ["_astro/start.js"]],
    ["_astro/runtime.js", []],
  );

  test.each([
    ["_astro/page.js", ["_astro/start.js", "_astro/registry.js", "_astro/runtime.js"]],
    ["_astro/registry.js", ["_astro/start.js", "_astro/runtime.js"]],
    ["_astro/runtime.js", []],
    ["_astro/not-built.js", []],
  ])("%s → %j (each once, cycles included)", (entry, closure) => {
    expect(staticImportClosure(chunks, entry)).toEqual(closure);
  });
});

describe("loadsModule", () => {
  const chunks = bundle(
    [
      "_astro/support.js",
      ["_astro/start.js"],
      ["/site/src/pages/support.astro?astro&type=script&index=0&lang.ts"],
    ],
    [
      "_astro/start.js",
      [],
      [
        "/site/packages/astro-helpdesky/src/island/boot.ts",
        "/site/packages/astro-helpdesky/src/island/fetch-token.ts",
      ],
    ],
    ["_astro/other.js", [], ["/site/src/pages/other.ts"]],
  );

  test.each([
    ["_astro/support.js", true],
    ["_astro/start.js", true],
    ["_astro/other.js", false],
    ["_astro/missing.js", false],
  ])("%s loads island/boot.ts: %s", (entry, loads) => {
    expect(loadsModule(chunks, entry, "/island/boot.ts")).toBe(loads);
  });
});

describe("the built page's HTML", () => {
  const page =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/_astro/a.css"></head>' +
    '<body><div id="hdh-ticket-center"></div><script type="module" src="/_astro/boot.js"></script>' +
    '<script type="module" src="/_astro/other.js"></script></body></html>';

  test("lists the external module scripts in document order, with their tags as written", () => {
    expect(moduleScripts(page)).toEqual([
      { tag: '<script type="module" src="/_astro/boot.js">', src: "/_astro/boot.js" },
      { tag: '<script type="module" src="/_astro/other.js">', src: "/_astro/other.js" },
    ]);
    expect(moduleScripts('<script src="/_astro/x.js" type="module" crossorigin>')).toEqual([
      { tag: '<script src="/_astro/x.js" type="module" crossorigin>', src: "/_astro/x.js" },
    ]);
    expect(moduleScripts("<script>inline()</script><script src=/classic.js></script>")).toEqual([]);
  });

  test("gets one modulepreload per chunk at the end of <head>, none for a chunk it already links", () => {
    const html = addModulePreloads(page, [
      "/_astro/start.js",
      "/_astro/start.js",
      "/_astro/a.css",
      "/_astro/runtime.js",
    ]);
    expect(html).toContain(
      '<link rel="stylesheet" href="/_astro/a.css"><link rel="modulepreload" href="/_astro/start.js"><link rel="modulepreload" href="/_astro/runtime.js"></head>',
    );
    expect(html.match(/modulepreload/g)).toHaveLength(2);
    expect(addModulePreloads(page, [])).toBe(page);
    expect(addModulePreloads("<p>no head</p>", ["/_astro/start.js"])).toBe("<p>no head</p>");
  });

  test("makes the given module script async, whatever its attribute order, and only once", () => {
    const [boot] = moduleScripts(page);
    const html = makeModuleScriptAsync(page, boot!.tag);
    expect(html).toContain('<script async type="module" src="/_astro/boot.js">');
    expect(html).toContain('<script type="module" src="/_astro/other.js">');
    const reordered = '<body><script src="/_astro/boot.js" type="module"></script></body>';
    expect(makeModuleScriptAsync(reordered, moduleScripts(reordered)[0]!.tag)).toBe(
      '<body><script async src="/_astro/boot.js" type="module"></script></body>',
    );
    expect(makeModuleScriptAsync(html, moduleScripts(html)[0]!.tag)).toBe(html);
  });
});
