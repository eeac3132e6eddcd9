import { createServer } from "node:http";

export interface ReceivedHook {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A webhook receiver on loopback that answers every request with `status` and records it. */
export async function startWebhookReceiver(status: number) {
  const received: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(status, { "Content-Type": "text/plain" }).end("receiver says no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/contact`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
