import { expect, test } from "vitest";
import {
  anchorStaticHeaderRoutes,
  type OutputRoute,
} from "../../src/integrations/vercel-static-headers.ts";

// The routes @astrojs/vercel writes with `staticHeaders` (shortened policies), then the filesystem step.
const adapterRoutes: OutputRoute[] = [
  {
    src: "^/_astro(?:/(.*))$",
    headers: { "cache-control": "public, max-age=31536000, immutable" },
    continue: true,
  },
  { src: "/contact", headers: { "content-security-policy": "contact" } },
  { src: "/", headers: { "content-security-policy": "home" } },
  { handle: "filesystem" },
  { src: "^/login/?$", dest: "_render" },
  { src: "/after-filesystem", headers: { x: "y" } },
];

const matching = (routes: OutputRoute[], path: string) =>
  routes
    .filter((route) => !route.handle && route.src && new RegExp(route.src, "i").test(path))
    .map((route) => route.headers?.["content-security-policy"] ?? route.dest);

test("each page's policy route matches its own path alone, with or without a trailing slash", () => {
  const routes = anchorStaticHeaderRoutes(adapterRoutes);
  expect(matching(routes, "/")).toEqual(["home"]);
  expect(matching(routes, "/contact")).toEqual(["contact"]);
  expect(matching(routes, "/contact/")).toEqual(["contact"]);
  // Before: "/" matched every path and "/contact" matched /contact/send and /api/contact.
  expect(matching(adapterRoutes, "/contact/send")).toEqual(["contact", "home"]);
  expect(matching(routes, "/contact/send")).toEqual([]);
  expect(matching(routes, "/api/contact")).toEqual([]);
  expect(matching(routes, "/login")).toEqual(["_render"]);
});

test("the policy routes let routing go on; other routes are left as they are", () => {
  const routes = anchorStaticHeaderRoutes(adapterRoutes);
  expect(routes[1]).toEqual({
    src: "^/contact/?$",
    headers: { "content-security-policy": "contact" },
    continue: true,
  });
  expect(routes[2]).toEqual({
    src: "^/?$",
    headers: { "content-security-policy": "home" },
    continue: true,
  });
  for (const index of [0, 3, 4, 5]) expect(routes[index]).toBe(adapterRoutes[index]);
});

test("a path with regular-expression characters is matched literally", () => {
  const [route] = anchorStaticHeaderRoutes([
    { src: "/a.b+(c)", headers: { "content-security-policy": "p" } },
  ]);
  expect(new RegExp(route!.src!).test("/a.b+(c)")).toBe(true);
  expect(new RegExp(route!.src!).test("/axbb(c)")).toBe(false);
});
