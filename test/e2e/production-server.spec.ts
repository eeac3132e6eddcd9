import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

const ASSETS = new URL("../../dist/client/_astro/", import.meta.url);
const base = () => process.env.E2E_BASE_URL!;

/** The largest JavaScript file of the build: React's chunk, what /support waits for. */
function largestScript(): string {
  const scripts = readdirSync(ASSETS).filter((name) => name.endsWith(".js"));
  return scripts.sort(
    (a, b) => readFileSync(new URL(b, ASSETS)).length - readFileSync(new URL(a, ASSETS)).length,
  )[0]!;
}

test.describe("the production Node server", () => {
  for (const [encoding, decompress] of [
    ["br", brotliDecompressSync],
    ["gzip", gunzipSync],
  ] as const) {
    test(`sends build scripts ${encoding}-compressed, byte for byte the built file`, async () => {
      const name = largestScript();
      const original = readFileSync(new URL(name, ASSETS));
      const response = await fetch(`${base()}/_astro/${name}`, {
        headers: { "Accept-Encoding": encoding },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-encoding")).toBe(encoding);
      expect(response.headers.get("vary")).toBe("Accept-Encoding");
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      // fetch() decodes only what it asked for itself; read the raw bytes through a fresh request.
      const raw = Buffer.from(await (await rawGet(`/_astro/${name}`, encoding)).arrayBuffer());
      expect(raw.length).toBeLessThan(original.length / 2);
      expect(decompress(raw).equals(original)).toBe(true);
    });
  }

  test("sends a script as is to a client that accepts no encoding", async () => {
    const name = largestScript();
    const response = await rawGet(`/_astro/${name}`, "identity");
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(
      Buffer.from(await response.arrayBuffer()).equals(readFileSync(new URL(name, ASSETS))),
    ).toBe(true);
  });

  test("sends prerendered pages brotli-compressed, with the page's own policy and the site's headers", async () => {
    const original = readFileSync(new URL("../../dist/client/support/index.html", import.meta.url));
    const response = await rawGet("/support", "br");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("br");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // The page's own policy (with its hashes), not the site's fallback one.
    expect(response.headers.get("content-security-policy")).toMatch(/script-src [^;]*'sha256-/);
    const raw = Buffer.from(await response.arrayBuffer());
    expect(raw.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(raw).equals(original)).toBe(true);
  });

  test("leaves unknown assets and paths outside the build to the adapter", async () => {
    expect((await fetch(`${base()}/_astro/missing.js`)).status).toBe(404);
    expect((await fetch(`${base()}/_astro/..%2f..%2fserver%2fentry.mjs`)).status).toBe(404);
  });
});

/** A GET whose body is not decoded: node:http rather than fetch, which always decompresses. */
async function rawGet(path: string, acceptEncoding: string): Promise<Response> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    const req = request(
      `${base()}${path}`,
      { headers: { "Accept-Encoding": acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve(
            new Response(Buffer.concat(chunks), {
              status: res.statusCode,
              headers: res.headers as Record<string, string>,
            }),
          ),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}
