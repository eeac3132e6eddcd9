import autocannon from "autocannon";
import { median } from "./stats.ts";

export interface LoadResult {
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Answers other than 2xx: for this benchmark they are errors too. */
  non2xx: number;
}

export interface LoadTarget {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** For a POST: builds each request's body, so each one can differ. */
  body?: () => string;
}

/** One autocannon run of fixed length (a bounded loop by construction). */
async function once(target: LoadTarget, connections: number, seconds: number): Promise<LoadResult> {
  const body = target.body;
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    headers: target.headers,
    ...(body
      ? {
          method: "POST",
          requests: [{ setupRequest: (request) => ({ ...request, method: "POST", body: body() }) }],
        }
      : {}),
  });
  return {
    connections,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Loads each target at each concurrency, interleaving the targets round by round, so that a burst
 * of other work on the machine hits every target alike; per target, the median round is kept
 * (errors are summed over all rounds).
 */
export async function interleavedLoad(
  targets: LoadTarget[],
  {
    connections,
    seconds,
    rounds,
    log,
  }: { connections: number[]; seconds: number; rounds: number; log: (line: string) => void },
): Promise<Record<string, LoadResult[]>> {
  const out: Record<string, LoadResult[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (const c of connections) {
    // Warm-up: lets V8 optimise each hot path and opens keep-alive sockets before measuring.
    for (const target of targets) await once(target, c, 1);
    const runs: Record<string, LoadResult[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
    for (let round = 1; round <= rounds; round++) {
      for (const target of targets) {
        log(`${target.name}, ${c} connection(s), round ${round}/${rounds}, ${seconds} s`);
        runs[target.name]!.push(await once(target, c, seconds));
      }
    }
    for (const target of targets) {
      const all = runs[target.name]!;
      const mid = median(all.map((r) => r.requestsPerSecond));
      const chosen = all.reduce((a, b) =>
        Math.abs(b.requestsPerSecond - mid) < Math.abs(a.requestsPerSecond - mid) ? b : a,
      );
      out[target.name]!.push({
        ...chosen,
        requests: all.reduce((sum, r) => sum + r.requests, 0),
        errors: all.reduce((sum, r) => sum + r.errors, 0),
        non2xx: all.reduce((sum, r) => sum + r.non2xx, 0),
      });
    }
  }
  return out;
}
