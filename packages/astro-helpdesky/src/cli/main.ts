#!/usr/bin/env node
// `npm run helpdesky -- <command>`: runs directly on Node 24 (type stripping), outside Astro.
import { run } from "./run.ts";

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
