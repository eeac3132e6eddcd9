// Token endpoint (issue part 3): throughput and latency of GET /api/helpdesky-token on the
// production Node server in stand-in mode, against two baselines measured in the same run:
// a bare node:http server doing the same cookie check and HMAC (this machine's floor), and a
// bench-only constant-JSON endpoint on the same production server (Astro's own pipeline).
import { runAlone, sharedBenchCopy } from "./lib/bench-copy.ts";
import { interleavedLoad, type LoadTarget } from "./lib/load.ts";
import { ROOT } from "./lib/paths.ts";
import { printTable, writeResults, type Row } from "./lib/report.ts";
import { startNodeServer, startProductionServer, type RunningServer } from "./lib/server.ts";
import { BENCH_SESSION_SECRET, sealedCookie, signIn } from "./lib/session.ts";
import { fmt, fmtRatio, ratio } from "./lib/stats.ts";
import { SESSION_HINT_COOKIE } from "../src/auth/session-hint-cookie.ts";

const CONNECTIONS = [1, 16, 64];
const SECONDS = Number(process.env.BENCH_TOKEN_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_TOKEN_ROUNDS ?? 3);

/** Fails loudly when a target does not answer as expected, rather than measuring error pages. */
async function expectOk(target: LoadTarget, check: (body: string) => boolean): Promise<void> {
  const response = await fetch(target.url, { headers: target.headers });
  const body = await response.text();
  if (response.status !== 200 || !check(body))
    throw new Error(`${target.name}: ${response.status} ${body.slice(0, 200)}`);
}

export async function run(): Promise<void> {
  console.log("token: building the bench copy (Node adapter, with bench-only pages)…");
  const copy = sharedBenchCopy({ benchPages: true });
  const servers: RunningServer[] = [];
  try {
    const site = await startProductionServer(copy.dir, { SESSION_SECRET: BENCH_SESSION_SECRET });
    servers.push(site);
    const bare = await startNodeServer(ROOT, "bench/baselines/bare-token-server.mjs", {
      SESSION_SECRET: BENCH_SESSION_SECRET,
    });
    servers.push(bare);
    // The cookies a browser sends after signing in: the session, and the header's signed-in hint
    // (without it the middleware would set the hint again on every response).
    const cookie = `${await signIn(site.url)}; ${SESSION_HINT_COOKIE}=1`;

    const signed = (body: string) => /"signature":"[0-9a-f]{64}"/.test(body);
    const token: LoadTarget = {
      name: "token endpoint",
      url: `${site.url}/api/helpdesky-token`,
      headers: { cookie },
    };
    const targets: LoadTarget[] = [
      { name: "bare node:http (floor)", url: bare.url, headers: { cookie: sealedCookie() } },
      // Without a cookie the middleware's session check returns early: this row is Astro alone.
      { name: "Astro constant JSON", url: `${site.url}/bench/constant.json`, headers: {} },
      // With the cookie, the middleware verifies the session on every on-demand route.
      {
        name: "Astro constant JSON + session",
        url: `${site.url}/bench/constant.json`,
        headers: { cookie },
      },
      token,
    ];
    await expectOk(targets[0]!, signed);
    await expectOk(targets[1]!, (body) => body.includes("ok"));
    await expectOk(token, signed);

    const results = await interleavedLoad(targets, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
      log: (line) => console.log(`token: ${line}`),
    });

    const rows: Row[] = [];
    for (const target of targets) {
      results[target.name]!.forEach((r, i) => {
        const constant = results["Astro constant JSON"]![i]!;
        const floor = results["bare node:http (floor)"]![i]!;
        rows.push({
          target: target.name,
          conns: String(r.connections),
          "req/s": fmt(r.requestsPerSecond),
          "p50 ms": fmt(r.p50Ms, 1),
          "p99 ms": fmt(r.p99Ms, 1),
          errors: String(r.errors + r.non2xx),
          "× constant": fmtRatio(ratio(r.requestsPerSecond, constant.requestsPerSecond)),
          "× bare": fmtRatio(ratio(r.requestsPerSecond, floor.requestsPerSecond)),
        });
      });
    }
    printTable(`Token endpoint: median of ${ROUNDS} interleaved ${SECONDS} s runs, loopback`, rows);

    const at16 = results[token.name]![1]!;
    const constant16 = results["Astro constant JSON"]![1]!;
    const at64 = results[token.name]![2]!;
    const targetsMet = {
      tokenAtLeast0_9xConstantAt16:
        ratio(at16.requestsPerSecond, constant16.requestsPerSecond) >= 0.9,
      noErrorsAt64: at64.errors + at64.non2xx === 0,
    };
    console.log(
      `\nTargets: token ≥ 0.9× constant at 16: ${targetsMet.tokenAtLeast0_9xConstantAt16 ? "met" : "MISSED"}; no errors at 64: ${targetsMet.noErrorsAt64 ? "met" : "MISSED"}`,
    );
    const file = writeResults("token", {
      seconds: SECONDS,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      results,
      targetsMet,
    });
    console.log(`token: wrote ${file}`);
  } finally {
    for (const server of servers) await server.stop();
  }
}

if (import.meta.main) await runAlone(run);
