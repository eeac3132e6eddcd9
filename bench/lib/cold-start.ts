import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";

export interface ColdStart {
  /** Node's own start-up, before the first line of the script runs. */
  bootMs: number;
  importMs: number;
  firstRequestMs: number;
  /** Import plus first request: what a cold start adds to the first visitor's wait. */
  coldMs: number;
  /** Spawn to exit, as the parent process sees it. */
  wallMs: number;
  status: number;
}

/**
 * Starts a fresh Node process that imports a handler module (default export with `fetch`), as
 * Vercel's Node launcher does, and serves it one request. Times come from inside the child.
 */
export function coldStart(
  handlerPath: string,
  request: { url: string; headers: Record<string, string> },
  env: Record<string, string>,
): ColdStart {
  const script = `
    const t0 = performance.now();
    const { default: handler } = await import(${JSON.stringify(pathToFileURL(handlerPath).href)});
    const t1 = performance.now();
    const response = await handler.fetch(new Request(${JSON.stringify(request.url)}, { headers: ${JSON.stringify(request.headers)} }));
    await response.text();
    const t2 = performance.now();
    console.log(JSON.stringify({ bootMs: t0, importMs: t1 - t0, firstRequestMs: t2 - t1, coldMs: t2 - t0, status: response.status }));
  `;
  const started = performance.now();
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 30_000,
    stdio: ["ignore", "pipe", "ignore"],
  });
  const wallMs = performance.now() - started;
  const last = stdout.trim().split("\n").at(-1) ?? "{}";
  return { ...(JSON.parse(last) as Omit<ColdStart, "wallMs">), wallMs };
}
