import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { helpdeskyEnvFields } from "../../src/integrations/helpdesky/env-fields.ts";

test(".env.example lists exactly the variables the site reads through astro:env", () => {
  const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
  const listed = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]).sort();
  // SESSION_SECRET is the site's own field (astro.config.mjs); the rest are the integration's.
  expect(listed).toEqual([...Object.keys(helpdeskyEnvFields), "SESSION_SECRET"].sort());
});
