import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { startServer, type RunningServer } from "./support/server.ts";

// A Node server behind a TLS-terminating proxy it trusts: the browser's request was HTTPS, so its
// Origin is https://…, while the server hears plain HTTP. Same-site POSTs must still be accepted.

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({
    HELPDESKY_STANDIN: "1",
    TRUSTED_PROXY_HOPS: "1",
    HSTS: "1",
    CONTACT_RATE_LIMIT: "100",
  });
});
test.afterAll(() => server.stop());

const httpsOrigin = () => server.url.replace(/^http:/, "https:");

test("the Contact API accepts the site's https Origin that the proxy forwarded", async ({
  request,
}) => {
  const response = await request.post(`${server.url}/api/contact`, {
    headers: {
      Origin: httpsOrigin(),
      "X-Forwarded-Proto": "https",
      "X-Forwarded-For": "203.0.113.5",
    },
    data: { email: "proxied@example.com", message: `Through the proxy ${randomUUID()}` },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "sent" });
});

test("the sign-in form posted over https through the proxy signs in", async ({ request }) => {
  const response = await request.post(`${server.url}/login`, {
    headers: {
      Origin: httpsOrigin(),
      "X-Forwarded-Proto": "https",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    data: "email=proxied%40example.com&next=%2Fsupport",
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
});

test("without the proxy's word, an https Origin is another site's", async ({ request }) => {
  const response = await request.post(`${server.url}/api/contact`, {
    headers: { Origin: httpsOrigin() },
    data: { email: "proxied@example.com", message: `Not through the proxy ${randomUUID()}` },
  });
  expect(response.status()).toBe(403);
});
