// Serves a built Netlify function on 127.0.0.1 the way Netlify invokes it: each request as a fetch
// `Request`, passed with a context to the function's default export. Run by test/adapter-servers.ts
// as `node netlify-function-server.mjs <function file> <port>`, with the function's environment.
import { createServer } from "node:http";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";

const [functionFile, port] = process.argv.slice(2);
const { default: handler } = await import(pathToFileURL(functionFile).href);

const server = createServer(async (incoming, outgoing) => {
  try {
    const url = new URL(incoming.url ?? "/", `http://127.0.0.1:${port}`);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers))
      if (typeof value === "string") headers.set(name, value);
    const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
    const request = new Request(url, {
      method: incoming.method,
      headers,
      body: hasBody ? Readable.toWeb(incoming) : undefined,
      duplex: "half",
    });
    // The parts of Netlify's context that Astro's handler reads (`ip`), and a few it passes on.
    const context = {
      ip: incoming.socket.remoteAddress ?? "127.0.0.1",
      geo: {},
      requestId: "local",
      site: {},
      deploy: { context: "dev" },
      waitUntil: () => {},
    };
    const response = await handler(request, context);
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error(error);
    outgoing.writeHead(500).end();
  }
});
server.listen(Number(port), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
