import { buildScenario } from "../scenario.ts";

/** The fixtures the specs serve, built once for the run; BROWSER_SKIP_BUILD=1 reuses the builds. */
const FIXTURES = ["client-router"];

export default async function globalSetup() {
  if (process.env.BROWSER_SKIP_BUILD === "1") return;
  for (const name of FIXTURES) await buildScenario(name);
}
