// Contact Form store (issue 19): throughput of POST /api/contact on the production Node server with
// the memory store and with the Redis store (a local redis-server), at 16 connections. Each request
// is a new message (its own Idempotency-Key), validated, rate-limited, claimed and delivered to a
// local webhook receiver that answers 204; the limit is raised so that none is refused.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { startRedis } from "../test/e2e/support/redis-server.ts";
import { sharedBenchCopy } from "./lib/bench-copy.ts";
import { interleavedLoad, type LoadTarget } from "./lib/load.ts";
import { printTable, writeResults, type Row } from "./lib/report.ts";
import { startProductionServer, type RunningServer } from "./lib/server.ts";
import { fmt, fmtRatio, ratio } from "./lib/stats.ts";

const CONNECTIONS = [16];
const SECONDS = Number(process.env.BENCH_CONTACT_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_CONTACT_ROUNDS ?? 3);

async function startReceiver() {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hook`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function target(name: string, site: RunningServer): LoadTarget {
  return {
    name,
    url: `${site.url}/api/contact`,
    headers: { "Content-Type": "application/json", Origin: site.url },
    body: () =>
      JSON.stringify({
        email: "bench@example.com",
        message: `Bench ${randomUUID()}`,
        idempotencyKey: randomUUID(),
      }),
  };
}

export async function run(): Promise<void> {
  console.log("contact-store: building the bench copy (Node adapter)…");
  const copy = sharedBenchCopy({});
  const [redis, receiver] = await Promise.all([startRedis(), startReceiver()]);
  const servers: RunningServer[] = [];
  try {
    const env = {
      CONTACT_WEBHOOK_URL: receiver.url,
      CONTACT_WEBHOOK_SECRET: `whsec_${Buffer.from("bench-contact-store-webhook-32-b").toString("base64")}`,
      CONTACT_RATE_LIMIT: "100000000",
    };
    const memory = await startProductionServer(copy.dir, env);
    servers.push(memory);
    const shared = await startProductionServer(copy.dir, { ...env, REDIS_URL: redis.url });
    servers.push(shared);
    const targets = [target("memory store", memory), target("Redis store", shared)];
    for (const t of targets) {
      const response = await fetch(t.url, { method: "POST", headers: t.headers, body: t.body!() });
      if (response.status !== 200)
        throw new Error(`${t.name}: ${response.status} ${await response.text()}`);
    }

    const results = await interleavedLoad(targets, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
      log: (line) => console.log(`contact-store: ${line}`),
    });
    const base = results["memory store"]![0]!;
    const rows: Row[] = targets.map((t) => {
      const r = results[t.name]![0]!;
      return {
        store: t.name,
        conns: String(r.connections),
        "req/s": fmt(r.requestsPerSecond),
        "p50 ms": fmt(r.p50Ms, 1),
        "p99 ms": fmt(r.p99Ms, 1),
        errors: String(r.errors + r.non2xx),
        "× memory": fmtRatio(ratio(r.requestsPerSecond, base.requestsPerSecond)),
      };
    });
    printTable(
      `Contact Form POST /api/contact, median of ${ROUNDS} interleaved ${SECONDS} s runs, loopback`,
      rows,
    );
    if (shared.output().includes("Redis is unreachable"))
      throw new Error("The Redis store fell back to memory during the run.");
    console.log(`contact-store: wrote ${writeResults("contact-store", { results, rows })}`);
  } finally {
    for (const server of servers) await server.stop();
    await Promise.all([redis.dispose(), receiver.stop()]);
  }
}
