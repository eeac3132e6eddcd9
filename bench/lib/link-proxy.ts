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

/** What the server has sent on one connection that the browser has yet to receive. */
interface Downstream {
  queue: Buffer[];
  /** Slices sent on the wire and not yet written to the browser. */
  inFlight: number;
  /** The server is done with this connection: it ends once its last byte has arrived. */
  ended: boolean;
}

/** Bytes handed on per turn of the downstream scheduler: one TCP segment's worth. */
const SLICE_BYTES = 1460;

/** Starts the link on 127.0.0.1 in front of `target` (an `http://127.0.0.1:port` origin). */
export async function startLinkProxy(target: string, link: Link): Promise<LinkProxy> {
  const { hostname, port } = new URL(target);
  const half = link.latencyMs / 2;
  const down = new Map<Socket, Downstream>();
  const sockets = new Set<Socket>();
  let sending = false;

  const finishIfDone = (client: Socket, state: Downstream) => {
    if (state.ended && state.queue.length === 0 && state.inFlight === 0) client.end();
  };

  // One downstream for all connections: a slice at a time, round robin, at the link's rate.
  const pump = () => {
    if (sending) return;
    const next = [...down.entries()].find(([, state]) => state.queue.length > 0);
    if (!next) return;
    const [client, state] = next;
    const head = state.queue[0]!;
    const slice = head.subarray(0, SLICE_BYTES);
    if (slice.length === head.length) state.queue.shift();
    else state.queue[0] = head.subarray(SLICE_BYTES);
    // Moved to the back: the next turn goes to another connection with bytes waiting.
    down.delete(client);
    down.set(client, state);
    sending = true;
    state.inFlight++;
    const wireMs = (slice.length * 8) / link.downloadKbps;
    setTimeout(() => {
      sending = false;
      setTimeout(() => {
        state.inFlight--;
        if (!client.destroyed) client.write(slice);
        finishIfDone(client, state);
      }, half);
      pump();
    }, wireMs);
  };

  const server = createServer((client) => {
    sockets.add(client);
    client.pause();
    const upstream = createConnection({ host: hostname, port: Number(port) });
    sockets.add(upstream);
    const state: Downstream = { queue: [], inFlight: 0, ended: false };
    down.set(client, state);
    const close = () => {
      client.destroy();
      upstream.destroy();
      down.delete(client);
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close);
    upstream.on("end", () => {
      state.ended = true;
      finishIfDone(client, state);
    });
    upstream.on("data", (chunk: Buffer) => {
      state.queue.push(chunk);
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
