#!/usr/bin/env node
// The `helpdesky` command, outside Astro: compiled into dist/cli.mjs, which bin/helpdesky.mjs loads.
import { run } from "./run.ts";

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
