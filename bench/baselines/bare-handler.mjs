// Baseline for the cold-start benchmark: the smallest handler with the Vercel function's shape
// (a default export with `fetch(request)`) that does the token endpoint's work.
import { configFromEnv, tokenAnswer } from "./bare-token.mjs";

const config = configFromEnv();

export default {
  fetch(request) {
    const answer = tokenAnswer(request.headers.get("cookie") ?? undefined, config);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  },
};
