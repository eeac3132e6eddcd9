import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { compressedPages } from "../../scripts/compressed-pages.mjs";

// The production server's prerendered pages, compressed as a CDN sends them; anything else is left
// to the adapter (here: a 404 that says so).
const PAGE = `<!DOCTYPE html><html><head><style>${"main{color:red}".repeat(200)}</style></head><body>Support</body></html>`;
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "compressed-pages-"));
  mkdirSync(join(dir, "support"));
  writeFileSync(join(dir, "support/index.html"), PAGE);
  writeFileSync(join(dir, "index.html"), "<!DOCTYPE html><p>Home</p>");
  writeFileSync(join(dir, "secret.txt"), "not a page");
  const serve = compressedPages(dir);
  server = createServer((req, res) => {
    if (!serve(req, res)) res.writeHead(404, { "X-Left": "adapter" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress), with the given headers. */
async function get(path: string, headers: Record<string, string>) {
  const { request } = await import("node:http");
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      request(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
        .on("error", reject)
        .end();
    },
  );
}

describe("compressedPages", () => {
  test.each(["/support", "/support/", "/support?ref=x"])(
    "%s: the page, brotli, a quarter of its size or less",
    async (path) => {
      const answer = await get(path, { "Accept-Encoding": "gzip, br" });
      expect(answer.status).toBe(200);
      expect(answer.headers["content-encoding"]).toBe("br");
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(answer.headers.vary).toBe("Accept-Encoding");
      expect(brotliDecompressSync(answer.body).toString()).toBe(PAGE);
      expect(answer.body.length).toBeLessThan(PAGE.length / 4);
    },
  );

  test("gzip for a client without brotli; the home page too", async () => {
    const answer = await get("/", { "Accept-Encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.body).toString()).toBe("<!DOCTYPE html><p>Home</p>");
  });

  test("a revalidation with the page's ETag gets 304 and no body", async () => {
    const first = await get("/support", { "Accept-Encoding": "br" });
    const again = await get("/support", {
      "Accept-Encoding": "br",
      "If-None-Match": String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  test.each([
    ["no accepted encoding", "/support", {}],
    ["a file that is not a page", "/secret.txt", { "Accept-Encoding": "br" }],
    ["a page that does not exist", "/pricing", { "Accept-Encoding": "br" }],
    ["a path out of the folder", "/..%2f..%2fetc", { "Accept-Encoding": "br" }],
    ["a malformed path", "/%E0%A4%A", { "Accept-Encoding": "br" }],
  ])("%s: left to the adapter", async (_label, path, headers) => {
    const answer = await get(path, headers);
    expect(answer.headers["x-left"]).toBe("adapter");
  });
});
