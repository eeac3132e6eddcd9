import { describe, expect, test, vi } from "vitest";
import { FALLBACK_LOADER_MODULE, fallbackLoaderPlugin } from "../../src/build/fallback-chunk.ts";

/** A Vite hook in its object form: Vite calls `handler` only for ids `filter.id` matches. */
interface FilteredHook<Handler> {
  filter: { id: RegExp };
  handler: Handler;
}

function hooks() {
  const plugin = fallbackLoaderPlugin();
  return {
    resolveId: plugin.resolveId as unknown as FilteredHook<() => string>,
    load: plugin.load as unknown as FilteredHook<(this: unknown) => string>,
  };
}

/** Calls the plugin's hooks as Vite would in the given environment. */
function loadIn(environment: { mode: string; consumer: string }) {
  const { resolveId, load } = hooks();
  expect(resolveId.filter.id.test(FALLBACK_LOADER_MODULE)).toBe(true);
  const resolved = resolveId.handler();
  expect(load.filter.id.test(resolved)).toBe(true);
  const emitFile = vi.fn(() => "ref42");
  const code = load.handler.call({
    environment: { mode: environment.mode, config: { consumer: environment.consumer } },
    emitFile,
  });
  return { code, emitFile };
}

describe("virtual:helpdesky/fallback-loader", () => {
  test("a client build emits the fallback as its own chunk and imports it by URL, which Vite does not wrap in its preload helper", () => {
    const { code, emitFile } = loadIn({ mode: "build", consumer: "client" });
    expect(emitFile).toHaveBeenCalledWith(
      expect.objectContaining({
        type: "chunk",
        id: expect.stringMatching(/\/island\/AnonymousFallback\.tsx$/),
      }),
    );
    expect(code).toContain("import(/* @vite-ignore */ import.meta.ROLLUP_FILE_URL_ref42)");
  });

  test.each([
    ["astro dev", { mode: "dev", consumer: "client" }],
    ["the server build", { mode: "build", consumer: "server" }],
  ])("under %s it is a plain import of the fallback, and no chunk is emitted", (_, environment) => {
    const { code, emitFile } = loadIn(environment);
    expect(emitFile).not.toHaveBeenCalled();
    expect(code).toMatch(/import\(".*\/island\/AnonymousFallback\.tsx"\)/);
  });

  test("its hook filters match its own ids only, so Vite never calls it for another module", () => {
    const { resolveId, load } = hooks();
    for (const id of [
      "virtual:other",
      `${FALLBACK_LOADER_MODULE}2`,
      `x${FALLBACK_LOADER_MODULE}`,
      `\0${FALLBACK_LOADER_MODULE}`,
    ]) {
      expect(resolveId.filter.id.test(id), id).toBe(false);
    }
    for (const id of [
      "\0virtual:other",
      FALLBACK_LOADER_MODULE,
      `\0${FALLBACK_LOADER_MODULE}.js`,
    ]) {
      expect(load.filter.id.test(id), id).toBe(false);
    }
  });
});
