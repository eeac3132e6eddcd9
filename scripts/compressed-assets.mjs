// Astro's Node adapter sends its hashed build assets uncompressed; React's chunk alone is ~215 KB.
// On slow links that is most of /support's time to an interactive Ticket Center, so the production
// server compresses them once (brotli, or gzip for older clients) and answers from memory.
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, resolve, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TYPES = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

/** The encoding to answer with for an Accept-Encoding header: brotli first, then gzip. */
export function pickEncoding(/** @type {string | undefined} */ acceptEncoding) {
  const accepted = (acceptEncoding ?? "")
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, "")) > 0)
    .map(([name]) => name?.trim().toLowerCase());
  if (accepted.includes("br")) return "br";
  if (accepted.includes("gzip")) return "gzip";
  return null;
}

/** A file's bytes at the strongest setting of `encoding`: compressed once, then served often. */
export function compressFile(/** @type {string} */ file, /** @type {"br" | "gzip"} */ encoding) {
  const raw = readFileSync(file);
  return encoding === "br"
    ? brotliCompressSync(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      })
    : gzipSync(raw, { level: 9 });
}

/**
 * A request handler for `/_astro/*` text assets that answers compressed and returns true, or
 * returns false to leave the request to the adapter (other paths, no accepted encoding, no file).
 */
export function compressedAssets(/** @type {string} */ clientDir) {
  const root = resolve(clientDir);
  /** @type {Map<string, Buffer>} */
  const cache = new Map();

  return (
    /** @type {import("node:http").IncomingMessage} */ req,
    /** @type {import("node:http").ServerResponse} */ res,
  ) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const path = (req.url ?? "").split("?")[0] ?? "";
    const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(path))];
    if (!path.startsWith("/_astro/") || !type) return false;
    const encoding = pickEncoding(req.headers["accept-encoding"]);
    if (!encoding) return false;
    let file;
    try {
      file = resolve(root, `.${decodeURIComponent(path)}`);
    } catch {
      return false;
    }
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return false;

    const key = `${encoding}:${file}`;
    let body = cache.get(key);
    if (!body) {
      body = compressFile(file, encoding);
      cache.set(key, body);
    }
    res.writeHead(200, {
      "Content-Type": type,
      "Content-Encoding": encoding,
      "Content-Length": body.length,
      // File names carry a content hash: a changed file is a new URL.
      "Cache-Control": "public, max-age=31536000, immutable",
      Vary: "Accept-Encoding",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
