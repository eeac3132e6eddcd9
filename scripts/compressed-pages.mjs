// The prerendered pages, compressed as a CDN sends them. Astro's Node adapter sends them
// uncompressed: /support's HTML (21 KB, its styles inline) then shares a slow link with
// Helpdesky's script for about 100 ms, where brotli leaves 6 KB. Compressed once per file and
// encoding, answered from memory; what is not a prerendered page is left to the adapter.
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { compressFile, pickEncoding } from "./compressed-assets.mjs";

/** The page file a request path names under `root` (`/support`, `/support/`, `/`), or null. */
function pageFile(/** @type {string} */ root, /** @type {string} */ url) {
  let path;
  try {
    path = decodeURIComponent((url.split(/[?#]/)[0] ?? "/").replace(/\/+$/, "") || "/");
  } catch {
    return null;
  }
  if (path.includes("\0") || /\.[a-z0-9]+$/i.test(path)) return null;
  const file = resolve(root, `.${join(path, "index.html")}`);
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

/**
 * A request handler for prerendered pages that answers compressed and returns true, or returns
 * false to leave the request to the adapter (other paths, no accepted encoding, no such page).
 */
export function compressedPages(/** @type {string} */ clientDir) {
  const root = resolve(clientDir);
  /** @type {Map<string, { body: Buffer, etag: string }>} */
  const cache = new Map();

  return (
    /** @type {import("node:http").IncomingMessage} */ req,
    /** @type {import("node:http").ServerResponse} */ res,
  ) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const encoding = pickEncoding(req.headers["accept-encoding"]);
    const file = encoding ? pageFile(root, req.url ?? "/") : null;
    if (!encoding || !file) return false;

    const key = `${encoding}:${file}`;
    let entry = cache.get(key);
    if (!entry) {
      const body = compressFile(file, encoding);
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
      entry = { body, etag };
      cache.set(key, entry);
    }
    const headers = {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Encoding": encoding,
      // As the adapter sends them: a page's URL is stable, so every visit revalidates it.
      "Cache-Control": "public, max-age=0",
      ETag: entry.etag,
      Vary: "Accept-Encoding",
    };
    if (req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, { ...headers, "Content-Length": entry.body.length });
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  };
}
