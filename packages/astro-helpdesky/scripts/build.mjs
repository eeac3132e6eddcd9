// Compiles what plain Node runs: the `helpdesky` CLI and the `./node` helpers. Node does not strip
// types from files inside node_modules, so these two ship as JavaScript; everything Astro loads
// ships as source and Vite compiles it in the adopter's build.
import { build } from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22.18",
  // Dependencies stay imports: the adopter's install provides them, once.
  packages: "external",
  logLevel: "warning",
};

await build({
  ...common,
  entryPoints: { cli: "src/cli/main.ts", node: "src/node.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
});
