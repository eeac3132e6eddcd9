import { setupServer } from "msw/node";
import { handlers } from "./handlers.ts";

/** The one msw server of the unit tests; `test/unit/setup.ts` starts and resets it. */
export const server = setupServer(...handlers);
