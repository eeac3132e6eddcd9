import type { TicketCenterFailure } from "./fetch-token.ts";

/** What the island tells the user about a failure, and whether trying again can help. */
export const FAILURE_MESSAGES: Record<TicketCenterFailure, { text: string; retry: boolean }> = {
  network: {
    text: "We could not reach the support service. Check your connection, then try again.",
    retry: true,
  },
  timeout: {
    text: "The support service is taking too long to answer. Try again in a moment.",
    retry: true,
  },
  server: {
    text: "Something went wrong while opening your support conversations. Try again in a moment.",
    retry: true,
  },
  "bad-response": {
    text: "Something went wrong while opening your support conversations. Try again in a moment.",
    retry: true,
  },
  "not-configured": { text: "Support is not configured on this site yet.", retry: false },
  "demo-auth-disabled": {
    text: "Support conversations are not available for this way of signing in.",
    retry: false,
  },
  "unsignable-email": {
    text: "The email address of your account cannot be used to open your support conversations.",
    retry: false,
  },
  script: {
    text: "The support panel could not load. A content blocker, a browser extension or a lost connection may have stopped it.",
    retry: true,
  },
};
