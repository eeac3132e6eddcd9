import { createClient } from "@redis/client";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface RestShim {
  /** `http://127.0.0.1:<port>/`: what UPSTASH_REDIS_REST_URL would be. */
  url: string;
  /** The commands received with the right token, in order. */
  commands: string[][];
  stop(): Promise<void>;
}

/**
 * A loopback stand-in of Upstash's REST protocol in front of a real redis-server: a POST of the
 * command as a JSON array with `Authorization: Bearer <token>` is sent to Redis as is, answered
 * `{ "result": … }`, or `{ "error": … }` with 400 (a Redis error) or 401 (a wrong token).
 */
export async function startRestShim(redisUrl: string, token: string): Promise<RestShim> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  const commands: string[][] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const answer = (status: number, json: unknown) =>
        response
          .writeHead(status, { "Content-Type": "application/json" })
          .end(JSON.stringify(json));
      if (request.headers.authorization !== `Bearer ${token}`)
        return answer(401, { error: "Unauthorized" });
      const command = JSON.parse(body) as string[];
      commands.push(command);
      client.sendCommand(command).then(
        (result) => answer(200, { result }),
        (error: Error) => answer(400, { error: error.message }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    commands,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      client.destroy();
    },
  };
}
