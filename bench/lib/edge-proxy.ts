// A loopback proxy in front of the production server that models a real deployment: static files
// answered at once, as a CDN edge near the visitor answers them, and every on-demand route (the
// token endpoint, a per-request page, a server island) a fixed delay later, as a function in one
// region, further away. Helpdesky's own script and API (the stand-in's routes here) are Helpdesky's
// servers, not the site's function: not delayed. Also used with no delay, to ask for pages
// without compression (the step "HTML compressed" taken away).
import { existsSync, statSync } from "node:fs";
import { createServer, request as forward, Agent } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";

export interface EdgeProxy {
  url: string;
  stop: () => Promise<void>;
}

/** Whether `path` is a file of the static build (`clientDir`), as a CDN would hold it. */
function isStatic(clientDir: string, path: string): boolean {
  let pathname: string;
  try {
    pathname = normalize(decodeURIComponent(path.split("?")[0] ?? "/"));
  } catch {
    return false;
  }
  if (pathname.includes("\0")) return false;
  for (const candidate of [pathname, join(pathname, "index.html")]) {
    const file = join(clientDir, candidate);
    if (file.startsWith(clientDir) && existsSync(file) && statSync(file).isFile()) return true;
  }
  return false;
}

export interface EdgeProxyOptions {
  /** How long an on-demand route's answer is held. */
  functionDelayMs?: number;
  /** Asks for prerendered pages without `Accept-Encoding`, so they come uncompressed. */
  uncompressedPages?: boolean;
}

/** Starts the proxy on 127.0.0.1 in front of `target`. */
export async function startEdgeProxy(
  target: string,
  clientDir: string,
  { functionDelayMs = 0, uncompressedPages = false }: EdgeProxyOptions,
): Promise<EdgeProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    const fromEdge = path.startsWith("/helpdesky-standin/") || isStatic(clientDir, path);
    const delayed = functionDelayMs > 0 && !fromEdge;
    const headers = { ...req.headers, host: upstream.host };
    if (uncompressedPages && fromEdge && !/\.[a-z0-9]+(\?|$)/i.test(path))
      delete headers["accept-encoding"];
    const send = () => {
      const proxied = forward(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path,
          headers,
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      proxied.on("error", () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(proxied);
    };
    if (delayed) setTimeout(send, functionDelayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
