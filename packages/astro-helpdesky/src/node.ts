// For a site's own production server, run by plain Node before Astro's handler loads: which mode
// the environment selects, and whether the stand-in may listen where asked. Shipped compiled
// (`dist/node.mjs`): Node does not strip types inside node_modules.
export { envFilesFor, loadEnvLikeVite } from "./guards/load-env.ts";
export { resolveHelpdeskyMode, STANDIN_SCRIPT_PATH, type HelpdeskyMode } from "./mode.ts";
export {
  ALLOW_REMOTE_VARIABLE,
  allowsRemote,
  isLoopbackHost,
  standinExposure,
  type StandinExposure,
} from "./standin/exposure.ts";
