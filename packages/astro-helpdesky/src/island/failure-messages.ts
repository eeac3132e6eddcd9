import type { TicketCenterMessages } from "../messages/default-messages.ts";
import type { TicketCenterFailure } from "./fetch-token.ts";

/** Whether trying again can help after each failure. */
const RETRY: Record<TicketCenterFailure, boolean> = {
  network: true,
  timeout: true,
  server: true,
  "bad-response": true,
  "not-configured": false,
  "demo-auth-disabled": false,
  "unsignable-email": false,
  script: true,
};

/** What the island tells the user about each failure, in `messages`' words, and whether to offer a retry. */
export function failureMessages(
  messages: TicketCenterMessages,
): Record<TicketCenterFailure, { text: string; retry: boolean }> {
  const entries = Object.entries(RETRY) as [TicketCenterFailure, boolean][];
  return Object.fromEntries(
    entries.map(([failure, retry]) => [failure, { text: messages.failures[failure], retry }]),
  ) as Record<TicketCenterFailure, { text: string; retry: boolean }>;
}
