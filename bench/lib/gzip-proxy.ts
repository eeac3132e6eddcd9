import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { createGzip } from "node:zlib";

const COMPRESSIBLE = /javascript|css|html|json|svg|text\//;

export interface GzipProxy {
  url: string;
  stop: () => Promise<void>;
}

/**
 * A loopback reverse proxy that gzips text responses, as a CDN or Vercel does in front of a site.
 * The Node server sends files uncompressed; this shows what compression in front of it gives.
 */
export function startGzipProxy(upstreamUrl: string): Promise<GzipProxy> {
  const upstream = new URL(upstreamUrl);
  const server = createServer((req, res) => {
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        const type = String(answer.headers["content-type"] ?? "");
        const wanted = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
        if (!wanted || answer.headers["content-encoding"] || !COMPRESSIBLE.test(type) || req.method === "HEAD") {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const headers = { ...answer.headers, "content-encoding": "gzip", vary: "Accept-Encoding" };
        delete headers["content-length"];
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(createGzip()).pipe(res);
      },
    );
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
