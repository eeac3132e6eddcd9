// Shared by every unit and component test. Component tests opt into jsdom with a
// `// @vitest-environment jsdom` comment at their top; everything else runs in Node.
import { afterAll, afterEach, beforeAll } from "vitest";
import { server } from "./msw/server.ts";

// Any request without a handler fails the test: no test reaches the network.
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
