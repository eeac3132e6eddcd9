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
  /** Bytes waiting for their turn on the wire. */
  queue: Buffer[];
  /** Slices on the wire, in order. */
  arriving: Buffer[];
  /** The server is done with this connection: it ends once its last byte has arrived. */
  ended: boolean;
}

/** Bytes handed on per turn of the downstream scheduler: one TCP segment's worth. */
const SLICE_BYTES = 1460;

/** A wire free for longer than this was idle: its next slice starts when it is sent. */
const IDLE_AFTER_MS = 5;

/** Starts the link on 127.0.0.1 in front of `target` (an `http://127.0.0.1:port` origin). */
export async function startLinkProxy(target: string, link: Link): Promise<LinkProxy> {
  const { hostname, port } = new URL(target);
  const half = link.latencyMs / 2;
  const down = new Map<Socket, Downstream>();
  const sockets = new Set<Socket>();

  const finishIfDone = (client: Socket, state: Downstream) => {
    if (state.ended && state.queue.length === 0 && state.arriving.length === 0) client.end();
  };
  /** Writes, in order, the slices of `client` up to `last`, which has arrived. */
  const deliver = (client: Socket, state: Downstream, last: Buffer) => {
    let slice: Buffer | undefined;
    while (slice !== last && (slice = state.arriving.shift())) {
      if (!client.destroyed) client.write(slice);
    }
    finishIfDone(client, state);
  };

  // One downstream for all connections: a slice at a time, round robin, at the link's rate. The
  // wire keeps a clock of its own: a turn that starts a little late (timers fire late) or early
  // takes its slice from when the wire was free, so the link keeps its rate; a wire idle for longer
  // starts again from now.
  let wireFree = 0;
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(turn, Math.max(0, wireFree - performance.now()));
  };
  const turn = () => {
    scheduled = false;
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
    const now = performance.now();
    const start = now - wireFree < IDLE_AFTER_MS ? wireFree : now;
    wireFree = start + (slice.length * 8) / link.downloadKbps;
    state.arriving.push(slice);
    setTimeout(() => deliver(client, state, slice), Math.max(0, wireFree + half - now));
    schedule();
  };

  const server = createServer((client) => {
    sockets.add(client);
    client.pause();
    const upstream = createConnection({ host: hostname, port: Number(port) });
    sockets.add(upstream);
    const state: Downstream = { queue: [], arriving: [], ended: false };
    down.set(client, state);
    const close = () => {
      client.destroy();
      upstream.destroy();
      down.delete(client);
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", close).on("close", close);
    // A server that resets the connection after its answer: what it sent still arrives.
    upstream.on("error", () => {
      state.ended = true;
      finishIfDone(client, state);
    });
    upstream.on("end", () => {
      state.ended = true;
      finishIfDone(client, state);
    });
    upstream.on("data", (chunk: Buffer) => {
      state.queue.push(chunk);
      schedule();
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
