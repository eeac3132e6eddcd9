import { buildScenario, type Scenario } from "../scenario.ts";

/** The fixtures the specs serve, built once for the run. */
const FIXTURES = ["client-router"];

/**
 * Builds the fixtures, and removes the builds after the run (type checks would read them).
 * BROWSER_SKIP_BUILD=1 reuses builds left by a run with BROWSER_KEEP_BUILD=1.
 */
export default async function globalSetup() {
  if (process.env.BROWSER_SKIP_BUILD === "1") return;
  const sites: Scenario[] = [];
  for (const name of FIXTURES) sites.push(await buildScenario(name));
  return () => {
    if (process.env.BROWSER_KEEP_BUILD === "1") return;
    for (const site of sites) site.clean();
  };
}
