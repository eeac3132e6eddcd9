#!/usr/bin/env node
// The `helpdesky` command. Its code is compiled into dist/ (`npm run build`, run before packing and
// by the workspace's install): Node does not strip types from files inside node_modules. This file
// exists before that build, so npm can link it as the bin.
try {
  await import("../dist/cli.mjs");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("cli.mjs"))
    throw error;
  console.error(
    "helpdesky: the CLI is not built yet. Run `npm run build --workspace astro-helpdesky` in the repository.",
  );
  process.exitCode = 1;
}
