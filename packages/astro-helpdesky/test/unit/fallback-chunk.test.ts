import { describe, expect, test, vi } from "vitest";
import { FALLBACK_LOADER_MODULE, fallbackLoaderPlugin } from "../../src/build/fallback-chunk.ts";

type Load = (this: unknown, id: string) => string | undefined;

/** Calls the plugin's hooks as Vite would in the given environment. */
function loadIn(environment: { mode: string; consumer: string }) {
  const plugin = fallbackLoaderPlugin();
  const resolved = (plugin.resolveId as (id: string) => string | undefined)(FALLBACK_LOADER_MODULE)!;
  const emitFile = vi.fn(() => "ref42");
  const code = (plugin.load as Load).call({ environment: { mode: environment.mode, config: { consumer: environment.consumer } }, emitFile }, resolved);
  return { code: code ?? "", emitFile };
}

describe("virtual:helpdesky/fallback-loader", () => {
  test("a client build emits the fallback as its own chunk and imports it by URL, which Vite does not wrap in its preload helper", () => {
    const { code, emitFile } = loadIn({ mode: "build", consumer: "client" });
    expect(emitFile).toHaveBeenCalledWith(expect.objectContaining({ type: "chunk", id: expect.stringMatching(/\/island\/AnonymousFallback\.tsx$/) }));
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

  test("answers for its own id only", () => {
    const plugin = fallbackLoaderPlugin();
    expect((plugin.resolveId as (id: string) => string | undefined)("virtual:other")).toBeUndefined();
    expect((plugin.load as Load).call({}, "\0virtual:other")).toBeUndefined();
  });
});
