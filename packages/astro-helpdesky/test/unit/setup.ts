// Shared by every unit and component test. Component tests opt into jsdom with a
// `// @vitest-environment jsdom` comment at their top; everything else runs in Node.
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { server } from "./msw/server.ts";

// Any request without a handler fails the test: no test reaches the network.
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// The component tests model a visitor whose site's signed-in hint says someone is signed in, so
// the token endpoint decides, as it does on sites without the hint; signed-in-hint.test.ts covers
// the page without it.
if (typeof document !== "undefined") {
  const { signedInCookie } = await import("virtual:helpdesky/page-hints");
  beforeEach(() => {
    if (signedInCookie !== null) document.cookie = `${signedInCookie}=1; path=/`;
  });
}
