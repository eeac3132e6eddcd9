// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, test, vi } from "vitest";
import TicketCenterIsland from "../../src/island/TicketCenterIsland.tsx";
import { server } from "./msw/server.ts";
import { token } from "./msw/handlers.ts";

// The fallback's chunk cannot be fetched: offline since the page loaded, or removed by a deploy.
vi.mock("virtual:helpdesky/fallback-loader", () => ({
  loadAnonymousFallback: () =>
    Promise.reject(new TypeError("Failed to fetch dynamically imported module")),
}));

afterEach(cleanup);

test("an anonymous visitor whose Contact Form cannot load is told so, and the island stays", async () => {
  server.use(token.anonymous());
  render(<TicketCenterIsland />);
  expect((await screen.findByRole("alert")).textContent).toBe(
    "The contact form could not load. Check your connection, then reload the page.",
  );
  expect(document.getElementById("hdh-ticket-center")).not.toBeNull();
});
