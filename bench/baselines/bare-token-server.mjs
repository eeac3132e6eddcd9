// Baseline for the token benchmark: a bare node:http server doing the token endpoint's work, the
// floor this machine sets. Usage: node bench/baselines/bare-token-server.mjs --host H --port P
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { configFromEnv, tokenAnswer } from "./bare-token.mjs";

const { values } = parseArgs({ options: { host: { type: "string" }, port: { type: "string" } } });
const config = configFromEnv();

const server = createServer((req, res) => {
  const answer = tokenAnswer(req.headers.cookie, config);
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
});
server.listen(Number(values.port), values.host ?? "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => server.close(() => process.exit(0)));
