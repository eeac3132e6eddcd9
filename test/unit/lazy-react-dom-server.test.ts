import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { lazyReactDomServer } from "../../src/integrations/lazy-react-dom-server.ts";

// @astrojs/react's server renderer, as installed: the edit must fit it, and leave react-dom's
// server renderer to its first React render rather than to the server's start.
const rendererPath = createRequire(import.meta.url).resolve("@astrojs/react/server.js");
const renderer = readFileSync(rendererPath, "utf8");

describe("lazyReactDomServer", () => {
  test("the installed renderer no longer imports react-dom/server at its top", () => {
    const edited = lazyReactDomServer(renderer);
    expect(edited).not.toMatch(/^import [^;]+ from "react-dom\/server";/m);
    expect(edited).toContain('await import("react-dom/server")');
    // Loaded before the first use, at the start of every render.
    const render = edited.indexOf("async function renderToStaticMarkup(");
    expect(edited.indexOf("await loadReactDOM();", render)).toBeGreaterThan(render);
    expect(edited.indexOf("ReactDOM.", render)).toBeGreaterThan(
      edited.indexOf("await loadReactDOM();", render),
    );
  });

  test("a renderer of another shape stops the build instead of shipping half an edit", () => {
    expect(() => lazyReactDomServer(renderer.replace("import ReactDOM", "import DOM"))).toThrow(
      /changed shape/,
    );
  });
});
