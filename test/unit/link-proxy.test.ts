import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startLinkProxy, type LinkProxy } from "../../bench/lib/link-proxy.ts";

// The time-to-Ticket-Center benchmark's modelled link: what it must do for its figures to mean
// anything. Only lower bounds are asserted (a timer never fires early); the machine may be slower.
const LINK = { latencyMs: 100, downloadKbps: 1600, uploadKbps: 750 };
const BIG = Buffer.alloc(32 * 1024, "b");
/** Time on the wire for BIG at the link's rate, in ms. */
const BIG_WIRE_MS = (BIG.length * 8) / LINK.downloadKbps;

let origin: Server;
let proxy: LinkProxy;

/** One GET on a connection of its own, resolved with the body and the time it took. */
function get(path: string): Promise<{ body: Buffer; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    request(`${proxy.url}${path}`, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ body: Buffer.concat(chunks), ms: performance.now() - started }),
      );
    })
      .on("error", reject)
      .end();
  });
}

beforeAll(async () => {
  origin = createServer((req, res) => res.end(req.url === "/big" ? BIG : "small"));
  await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
  const { port } = origin.address() as AddressInfo;
  proxy = await startLinkProxy(`http://127.0.0.1:${port}`, LINK);
});

afterAll(async () => {
  await proxy?.stop();
  await new Promise((resolve) => origin?.close(resolve));
});

describe("the modelled link", () => {
  test("a new connection costs a round trip to open and one for the request", async () => {
    const { body, ms } = await get("/small");
    expect(body.toString()).toBe("small");
    expect(ms).toBeGreaterThanOrEqual(2 * LINK.latencyMs);
  });

  test("a response takes its size at the link's rate on top, and arrives whole", async () => {
    const { body, ms } = await get("/big");
    expect(body.equals(BIG)).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(2 * LINK.latencyMs + BIG_WIRE_MS);
  });

  test("connections share the one downstream", async () => {
    const [first, second] = await Promise.all([get("/big"), get("/big")]);
    expect(first!.body.equals(BIG) && second!.body.equals(BIG)).toBe(true);
    expect(Math.max(first!.ms, second!.ms)).toBeGreaterThanOrEqual(
      2 * LINK.latencyMs + 2 * BIG_WIRE_MS,
    );
  });
});
