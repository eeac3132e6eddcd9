import { fileURLToPath } from "node:url";

/** The project's root folder (where package.json lives). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Where each benchmark writes its JSON; ignored by git. */
export const RESULTS_DIR = fileURLToPath(new URL("../results/", import.meta.url));
/** Bench-only pages and handlers, copied into the bench copy, never into src/. */
export const FIXTURES_DIR = fileURLToPath(new URL("../fixtures/", import.meta.url));
