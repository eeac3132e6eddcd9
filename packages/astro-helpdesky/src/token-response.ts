import type { HelpdeskyMode } from "./mode.ts";
import { signEmailOnAnyRuntime } from "./sign-any-runtime.ts";
import { UnsignableEmailError } from "./signable-email.ts";

/** What the Ticket Center island receives on success. */
export interface HelpdeskyToken {
  helpdeskId: string;
  email: string;
  signature: string;
  scriptUrl: string;
}

export type TokenError =
  "unauthenticated" | "helpdesky_not_configured" | "demo_auth_disabled" | "unsignable_email";

export type TokenOutcome =
  | { status: 200; body: HelpdeskyToken }
  | { status: 401 | 422 | 503; body: { error: TokenError }; log?: string };

/**
 * Decides the token endpoint's answer from the signed-in user alone: the email signed is always
 * the session's, never one the request names. Signs on Web Crypto, so it runs on every adapter.
 */
export async function tokenOutcome(
  user: { email: string } | null,
  demoSession: boolean,
  mode: HelpdeskyMode,
): Promise<TokenOutcome> {
  if (mode.kind === "unconfigured") {
    return {
      status: 503,
      body: { error: "helpdesky_not_configured" },
      log: `Helpdesky is not configured: set ${mode.missing.join(" and ")}.`,
    };
  }
  if (!user) return { status: 401, body: { error: "unauthenticated" } };
  if (demoSession && mode.kind === "live") {
    // Signing whatever email a visitor typed would hand out real credentials for anybody.
    return {
      status: 503,
      body: { error: "demo_auth_disabled" },
      log: "Refused a demo sign-in session: real Helpdesky credentials need a real auth provider.",
    };
  }
  try {
    const signature = await signEmailOnAnyRuntime(user.email, mode.secret);
    return {
      status: 200,
      body: {
        helpdeskId: mode.helpdeskId,
        email: user.email,
        signature,
        scriptUrl: mode.scriptUrl,
      },
    };
  } catch (error) {
    if (!(error instanceof UnsignableEmailError)) throw error;
    return {
      status: 422,
      body: { error: "unsignable_email" },
      log: `Refused to sign the session's email: ${error.message}`,
    };
  }
}
