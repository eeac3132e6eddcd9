#!/usr/bin/env node
// Serves the production build (`npm run build`) the way it runs in production: the Node adapter's
// handler for pages, files and on-demand routes, wrapped so that every response, prerendered files
// included, carries the site's security headers, and build assets go out compressed as a CDN
// would send them. (Astro's standalone server serves prerendered files without middleware, and
// `astro preview` refuses the Vercel adapter's output.)
//
//   npm run preview -- --host 0.0.0.0 --port 8080     (or HOST=… PORT=…)
//   npm run preview -- --dist path/to/dist              (another Node build; default ./dist)
//   HSTS=1 npm run preview                              (behind an HTTPS proxy: sends Strict-Transport-Security)
//   npm run preview -- --no-env-files                   (ignore the project's .env files)
//
// Like `astro build` and `npm run helpdesky -- doctor`, it reads the .env files of the folder it is
// started in for the production mode (.env, .env.local, .env.production, .env.production.local),
// the environment winning over every file: the server runs in the mode doctor reports.
//
// No request may end the process: methods the fetch API cannot represent are answered here, the
// adapter's handler runs inside a catch, and request, response and parser errors are answered or
// dropped per connection.
import { lookup } from "node:dns/promises";
import { createServer } from "node:http";
import { isIP } from "node:net";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { cspDirectives, securityHeaders, strictTransportSecurity } from "../security-headers.mjs";
import {
  ALLOW_REMOTE_VARIABLE,
  allowsRemote,
  isLoopbackHost,
  loadEnvLikeVite,
  resolveHelpdeskyMode,
  standinExposure,
} from "astro-helpdesky/node";
import { compressedAssets } from "./compressed-assets.mjs";
import { compressedPages } from "./compressed-pages.mjs";
import { forwardedAsHttps } from "./forwarded-proto.mjs";
import {
  ALLOWED_METHODS,
  clientErrorStatus,
  methodRefusal,
  rawResponse,
} from "./request-guard.mjs";

const { values } = parseArgs({
  options: {
    host: { type: "string" },
    port: { type: "string" },
    dist: { type: "string" },
    "no-env-files": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(
    "Usage: npm run preview -- [--host <address>] [--port <number>] [--dist <folder>] [--no-env-files]",
  );
  process.exit(0);
}

if (!values["no-env-files"]) {
  const files = new Set();
  for (const [name, { value, source }] of loadEnvLikeVite("production", process.cwd())) {
    if (source === "the environment") continue;
    process.env[name] = value;
    files.add(source);
  }
  if (files.size > 0)
    console.log(`Read ${[...files].join(", ")} (the environment wins over them).`);
}

const dist = values.dist
  ? pathToFileURL(`${resolve(values.dist)}/`)
  : new URL("../dist/", import.meta.url);
const entry = new URL("server/entry.mjs", dist);
if (!existsSync(entry)) {
  console.error(
    `No Node build found in ${new URL(".", entry).pathname}. Run \`npm run build\` first (without VERCEL set).`,
  );
  process.exit(1);
}

const host = values.host ?? process.env.HOST ?? "localhost";
const port = Number(values.port ?? process.env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

// Stand-in mode lets anyone sign in as anybody: it serves on loopback only, unless the operator
// says otherwise. Decided before listening, on every address the host name stands for.
const standin =
  resolveHelpdeskyMode(process.env, { dev: false, randomSecret: () => "" }).kind === "standin";
if (standin) {
  const addresses =
    isIP(host.replace(/^\[(.*)\]$/, "$1")) || isLoopbackHost(host)
      ? [host]
      : (await lookup(host, { all: true }).catch(() => [{ address: host }])).map(
          ({ address }) => address,
        );
  const exposed = addresses.find((address) => !isLoopbackHost(address));
  const exposure = standinExposure({
    standin,
    host: exposed ?? host,
    allowRemote: allowsRemote(process.env[ALLOW_REMOTE_VARIABLE]),
  });
  if (exposure.kind === "refuse") {
    console.error(`[helpdesky] ${exposure.message}`);
    process.exit(1);
  }
  if (exposure.kind === "warn") console.warn(`[helpdesky] ${exposure.message}`);
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
          .filter(
            (/** @type {any} */ header) => header.key.toLowerCase() === "content-security-policy",
          )
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
const servePageCompressed = compressedPages(new URL("client/", dist).pathname);

// Answers with no policy of their own (Astro's 403, the routes' 405, this server's own answers,
// files) get the site's directives: no inline style or script is allowed by them. Pages, the
// on-demand 404 page included, carry their own.
const fallbackPolicy = cspDirectives.join(";");
const hsts = process.env.HSTS === "1";

/** The headers every answer carries, those written straight to a socket included. */
const siteHeaders = {
  ...securityHeaders,
  "Content-Security-Policy": fallbackPolicy,
  // This server speaks plain HTTP: HSTS only when told a proxy in front serves it over HTTPS.
  ...(hsts ? strictTransportSecurity : {}),
};

const ignore = () => {};

const server = createServer((req, res) => {
  // A client that vanishes mid-request errors these streams; unheard, an 'error' ends the process.
  req.on("error", ignore);
  res.on("error", ignore);
  for (const [name, value] of Object.entries(siteHeaders)) res.setHeader(name, value);
  closeWhenBodyIsLeftUnread(req, res);

  const refusal = methodRefusal(req.method);
  if (refusal) {
    res.writeHead(refusal.status, {
      Allow: ALLOWED_METHODS,
      "Content-Type": "text/plain; charset=utf-8",
    });
    res.end(
      `${refusal.status} ${refusal.status === 405 ? "Method Not Allowed" : "Not Implemented"}`,
    );
    return;
  }

  // The adapter reads the scheme from the socket: a keep-alive connection is marked per request.
  Object.defineProperty(req.socket, "encrypted", {
    value: forwardedAsHttps(req.headers["x-forwarded-proto"], process.env.TRUSTED_PROXY_HOPS),
    configurable: true,
  });

  let policy;
  try {
    policy = staticPolicies.get(pagePath(req.url ?? "/"));
  } catch {
    // A malformed URL: the handler answers it.
  }
  if (policy) {
    res.setHeader("Content-Security-Policy", policy);
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) =>
      name.toLowerCase() === "content-security-policy" ? res : setHeader(name, value);
  }
  // The adapter's static handler builds a fetch Request outside any try/catch; what it throws, or
  // any other failure, ends this one request.
  Promise.resolve()
    .then(() => serveCompressed(req, res) || servePageCompressed(req, res) || handler(req, res))
    .catch((/** @type {unknown} */ error) => {
      console.error(
        `Could not serve ${req.method} ${(req.url ?? "").slice(0, 200)}: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent)
        res
          .writeHead(500, { "Content-Type": "text/plain; charset=utf-8" })
          .end("500 Internal Server Error");
      else res.destroy();
    });
});

/**
 * When an error answer (a 413, a refused sign-in) goes out before the request's body was read in
 * full, it says `Connection: close`, and the connection is closed a moment later: no upload can
 * hold it open or be read to its end, and no client reuses it. Node would destroy it as soon as
 * the answer is out, which, with the upload still coming, resets it and can lose the answer; so
 * this connection is half-closed instead, and destroyed once the client has had a moment to read.
 */
const LINGER_MS = 1000;
function closeWhenBodyIsLeftUnread(
  /** @type {import("node:http").IncomingMessage} */ req,
  /** @type {import("node:http").ServerResponse} */ res,
) {
  const socket = req.socket;
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {any[]} */ ...args) {
    if (Number(args[0]) >= 400 && !req.complete && !socket.destroyed) {
      res.setHeader("Connection", "close");
      socket.destroySoon = () => {
        socket.end();
        const timer = setTimeout(() => socket.destroy(), LINGER_MS);
        timer.unref();
        socket.once("close", () => clearTimeout(timer));
      };
    }
    return writeHead.apply(res, /** @type {any} */ (args));
  };
}

// Requests Node's parser refuses (malformed, headers too large) and CONNECT never reach the
// handler above: answer them here, with the site's headers, and close the connection.
server.on("clientError", (/** @type {NodeJS.ErrnoException} */ error, socket) => {
  // A client already gone, or an answer already under way on this connection: nothing to write.
  const answering = /** @type {any} */ (socket)._httpMessage?.headersSent;
  if (error.code === "ECONNRESET" || !socket.writable || answering) return socket.destroy();
  socket.end(rawResponse(clientErrorStatus(error), siteHeaders));
});
server.on("connect", (_req, socket) => {
  socket.on("error", ignore);
  socket.end(rawResponse(405, { ...siteHeaders, Allow: ALLOWED_METHODS }));
});

server.listen(port, host, () => {
  const address = server.address();
  const shown =
    typeof address === "object" && address ? `${address.address}:${address.port}` : address;
  console.log(`Serving the production build at http://${shown}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
