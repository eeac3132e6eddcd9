#!/usr/bin/env node
// Serves the production build (`npm run build`) the way it runs in production: the Node adapter's
// handler for pages, files and on-demand routes, wrapped so that every response, prerendered files
// included, carries the site's security headers. (Astro's standalone server serves prerendered
// files without middleware, and `astro preview` refuses the Vercel adapter's output.)
//
//   npm run preview -- --host 0.0.0.0 --port 8080     (or HOST=… PORT=…)
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { securityHeaders } from "../security-headers.mjs";

const { values } = parseArgs({
  options: {
    host: { type: "string" },
    port: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("Usage: npm run preview -- [--host <address>] [--port <number>]");
  process.exit(0);
}

const entry = new URL("../dist/server/entry.mjs", import.meta.url);
if (!existsSync(entry)) {
  console.error("No Node build found in dist/. Run `npm run build` first (without VERCEL set).");
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

const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
  handler(req, res);
});
server.listen(port, host, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${address.address}:${address.port}` : address;
  console.log(`Serving the production build at http://${shown}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
