#!/usr/bin/env node
// Serves the production build (`npm run build`) the way it runs in production: the Node adapter's
// handler for pages, files and on-demand routes, wrapped so that every response, prerendered files
// included, carries the site's security headers, and build assets go out compressed as a CDN
// would send them. (Astro's standalone server serves prerendered files without middleware, and
// `astro preview` refuses the Vercel adapter's output.)
//
//   npm run preview -- --host 0.0.0.0 --port 8080     (or HOST=… PORT=…)
//   npm run preview -- --dist path/to/dist              (another Node build; default ./dist)
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { securityHeaders } from "../security-headers.mjs";
import { compressedAssets } from "./compressed-assets.mjs";

const { values } = parseArgs({
  options: {
    host: { type: "string" },
    port: { type: "string" },
    dist: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("Usage: npm run preview -- [--host <address>] [--port <number>] [--dist <folder>]");
  process.exit(0);
}

const dist = values.dist ? pathToFileURL(`${resolve(values.dist)}/`) : new URL("../dist/", import.meta.url);
const entry = new URL("server/entry.mjs", dist);
if (!existsSync(entry)) {
  console.error(`No Node build found in ${new URL(".", entry).pathname}. Run \`npm run build\` first (without VERCEL set).`);
  process.exit(1);
}

const host = values.host ?? process.env.HOST ?? "localhost";
const port = Number(values.port ?? process.env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

process.env.ASTRO_NODE_AUTOSTART = "disabled";
const { handler } = await import(entry.href);

// The Content-Security-Policy of each prerendered page, which the adapter's `staticHeaders` writes
// to _headers.json. The adapter's own lookup matches by substring, so "/support/" gets no policy
// and "/" gets the first listed page's. Pages' policies differ (each hashes its own inline
// styles), so the exact page's policy is set here and the adapter's is not let to replace it.
const headersFile = new URL("_headers.json", dist);
/** @type {Map<string, string>} */
const staticPolicies = new Map(
  existsSync(headersFile)
    ? JSON.parse(readFileSync(headersFile, "utf8")).flatMap((/** @type {any} */ entry) =>
        entry.headers
          .filter((/** @type {any} */ header) => header.key.toLowerCase() === "content-security-policy")
          .map((/** @type {any} */ header) => [entry.pathname, header.value]),
      )
    : [],
);

/** The page path a request URL names: no query, no trailing slash or index.html. */
function pagePath(/** @type {string} */ url) {
  const path = decodeURI(url.split(/[?#]/)[0] ?? "/").replace(/\/index\.html$/, "/");
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

const serveCompressed = compressedAssets(new URL("client/", dist).pathname);

const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
  let policy;
  try {
    policy = staticPolicies.get(pagePath(req.url ?? "/"));
  } catch {
    // A malformed URL: the handler answers it.
  }
  if (policy) {
    res.setHeader("Content-Security-Policy", policy);
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) => (name.toLowerCase() === "content-security-policy" ? res : setHeader(name, value));
  }
  if (!serveCompressed(req, res)) handler(req, res);
});
server.listen(port, host, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${address.address}:${address.port}` : address;
  console.log(`Serving the production build at http://${shown}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
