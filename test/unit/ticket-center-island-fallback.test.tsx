// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import TicketCenterIsland from "../../src/integrations/helpdesky/island/TicketCenterIsland.tsx";
import { server } from "./msw/server.ts";
import { token } from "./msw/handlers.ts";

// Stands in for the fallback's chunk, to see who asks for it and what the island shows from it.
const loadAnonymousFallback = vi.hoisted(() =>
  vi.fn(() => Promise.resolve({ AnonymousFallback: ({ loginUrl }: { loginUrl: string }) => <a href={loginUrl}>Stand-in fallback</a> })),
);
vi.mock("virtual:helpdesky/fallback-loader", () => ({ loadAnonymousFallback }));

beforeEach(() => loadAnonymousFallback.mockClear());
afterEach(cleanup);

test("an anonymous visitor gets the fallback the chunk exports, with the island's loginUrl", async () => {
  server.use(token.anonymous());
  render(<TicketCenterIsland loginUrl="/sign-in?next=/help" />);
  const fallback = await screen.findByRole("link", { name: "Stand-in fallback" });
  expect(fallback.getAttribute("href")).toBe("/sign-in?next=/help");
});

test("a signed-in user's island never asks for the fallback's chunk", async () => {
  server.use(token.signedIn());
  render(<TicketCenterIsland />);
  const script = await waitFor(() => {
    const found = document.querySelector<HTMLScriptElement>("script[data-hdh-island-script]");
    if (!found) throw new Error("no script yet");
    return found;
  });
  act(() => {
    script.dispatchEvent(new Event("load"));
  });
  await screen.findByText(/Signed in as/);
  expect(loadAnonymousFallback).not.toHaveBeenCalled();
});

test("a second island on the page shows no fallback of its own", async () => {
  server.use(token.anonymous());
  render(
    <>
      <TicketCenterIsland />
      <TicketCenterIsland />
    </>,
  );
  await screen.findByText("The Ticket Center is already open on this page.");
  expect(await screen.findAllByRole("link", { name: "Stand-in fallback" })).toHaveLength(1);
});
