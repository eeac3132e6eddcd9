import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./server.ts";

const REDIS_SERVER = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";

export interface RunningRedis {
  /** `redis://:password@127.0.0.1:port`: the password proves the servers never log the URL. */
  url: string;
  password: string;
  /** Stops Redis, as an outage would; `start` brings it back on the same port, empty. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops it for good and removes its folder. */
  dispose: () => Promise<void>;
}

/** Whether a Redis answers PING on the port. */
function pings(port: number, password: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    socket.setTimeout(500, () => socket.destroy());
    socket.on("connect", () => socket.write(`AUTH ${password}\r\nPING\r\n`));
    socket.on("data", (chunk) => {
      reply += chunk;
      if (reply.includes("+PONG")) socket.end();
    });
    socket.on("close", () => resolve(reply.includes("+PONG")));
    socket.on("error", () => resolve(false));
  });
}

/**
 * A redis-server of the test's own on a free loopback port, in a temporary folder, persisting
 * nothing, with a password.
 */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "helpdesky-redis-"));
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  let child: ChildProcess | null = null;

  async function start() {
    let log = "";
    child = spawn(
      REDIS_SERVER,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        dir,
        "--save",
        "",
        "--appendonly",
        "no",
        "--requirepass",
        password,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout?.on("data", (chunk) => (log += chunk));
    child.stderr?.on("data", (chunk) => (log += chunk));
    const deadline = Date.now() + 10_000;
    while (!(await pings(port, password))) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`redis-server did not start:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function stop() {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await exited;
  }

  await start();
  return {
    url: `redis://:${password}@127.0.0.1:${port}`,
    password,
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
