// A loopback TCP proxy that is the slow link itself, in place of Chromium's DevTools emulation:
// every connection costs a round trip to open, every byte crosses half a round trip each way,
// and what the server sends shares one downstream bandwidth, taken in turns by the connections
// with bytes waiting. Unlike DevTools' emulation, which throttles each request in the browser,
// this sees only connections and bytes, as a real link does: a preloaded response is carried once,
// and whatever the browser does with it afterwards costs no more link time.
import { createConnection, createServer, type AddressInfo, type Socket } from "node:net";

export interface LinkProxy {
  url: string;
  stop: () => Promise<void>;
}

export interface Link {
  latencyMs: number;
  downloadKbps: number;
  uploadKbps: number;
}

/** Bytes handed on per turn of the downstream scheduler: one TCP segment's worth. */
const SLICE_BYTES = 1460;

/** Starts the link on 127.0.0.1 in front of `target` (an `http://127.0.0.1:port` origin). */
export async function startLinkProxy(target: string, link: Link): Promise<LinkProxy> {
  const { hostname, port } = new URL(target);
  const half = link.latencyMs / 2;
  const down = new Map<Socket, Buffer[]>();
  const sockets = new Set<Socket>();
  let sending = false;

  // One downstream for all connections: a slice at a time, round robin, at the link's rate.
  const pump = () => {
    if (sending) return;
    const next = [...down.entries()].find(([, queue]) => queue.length > 0);
    if (!next) return;
    const [client, queue] = next;
    const head = queue[0]!;
    const slice = head.subarray(0, SLICE_BYTES);
    if (slice.length === head.length) queue.shift();
    else queue[0] = head.subarray(SLICE_BYTES);
    // Moved to the back: the next turn goes to another connection with bytes waiting.
    down.delete(client);
    down.set(client, queue);
    sending = true;
    const wireMs = (slice.length * 8) / link.downloadKbps;
    setTimeout(() => {
      sending = false;
      setTimeout(() => client.destroyed || client.write(slice), half);
      pump();
    }, wireMs);
  };

  const server = createServer((client) => {
    sockets.add(client);
    client.pause();
    const upstream = createConnection({ host: hostname, port: Number(port) });
    sockets.add(upstream);
    down.set(client, []);
    const end = () => {
      client.destroy();
      upstream.destroy();
      down.delete(client);
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    upstream.on("data", (chunk: Buffer) => {
      down.get(client)?.push(chunk);
      pump();
    });
    // Opening the connection takes a round trip (the handshake) before the first request leaves.
    setTimeout(() => {
      client.resume();
      let upFree = 0;
      client.on("data", (chunk: Buffer) => {
        const now = performance.now();
        upFree = Math.max(upFree, now) + (chunk.length * 8) / link.uploadKbps;
        setTimeout(() => upstream.destroyed || upstream.write(chunk), upFree - now + half);
      });
    }, link.latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
