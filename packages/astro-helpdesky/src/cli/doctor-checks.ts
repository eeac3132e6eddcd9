import { findClientVisibleCopies, describeCopy } from "../guards/client-visible-copies.ts";
import { DEFAULT_SCRIPT_URL, resolveHelpdeskyMode } from "../mode.ts";
import type { AuthSeam } from "./auth-seam.ts";
import type { SiteEnv } from "./site-env.ts";

/** One line of `doctor`: passed or not, what was found, and how to fix it. */
export interface Check {
  ok: boolean;
  text: string;
  fix?: string;
}

const SECRET_SHAPE = /^hdh_secret_[A-Za-z0-9_-]+$/;

/** Every check of `doctor`, in the order they are printed. */
export function doctorChecks(env: SiteEnv, auth: AuthSeam, dev: boolean): Check[] {
  const rawSecret = env.value("HELPDESKY_HMAC_SECRET") ?? "";
  const helpdeskId = env.value("HELPDESKY_HELPDESK_ID")?.trim() ?? "";
  const mode = resolveHelpdeskyMode(
    {
      HELPDESKY_HMAC_SECRET: rawSecret,
      HELPDESKY_HELPDESK_ID: helpdeskId,
      HELPDESKY_SCRIPT_URL: env.value("HELPDESKY_SCRIPT_URL"),
      HELPDESKY_STANDIN: env.value("HELPDESKY_STANDIN"),
    },
    // The stand-in's secret is random per process and never shown; doctor only needs the mode.
    { dev, randomSecret: () => "" },
  );
  const checks: Check[] = [];

  if (mode.kind === "standin") {
    checks.push({
      ok: true,
      text: `Stand-in mode: no Helpdesky credentials, the Ticket Center talks to the local stand-in${dev ? " (always so in astro dev)" : " (HELPDESKY_STANDIN is on)"}.`,
    });
  } else {
    checks.push(...credentialChecks(env, rawSecret, helpdeskId));
    if (mode.kind === "live") {
      checks.push({
        ok: true,
        text: `Live mode: the site signs users for Helpdesk ${helpdeskId}; stand-in mode is off.`,
      });
    } else if (!rawSecret.trim() && !helpdeskId) {
      checks.push({
        ok: false,
        text: "Neither Helpdesky credentials nor stand-in mode: the Ticket Center answers 503 (helpdesky_not_configured).",
        fix: "Set HELPDESKY_HMAC_SECRET and HELPDESKY_HELPDESK_ID, or HELPDESKY_STANDIN=1 for a demo without Helpdesky.",
      });
    }
  }
  for (const note of mode.notes) {
    if (note.startsWith("HELPDESKY_STANDIN="))
      checks.push({ ok: false, text: note, fix: "Set HELPDESKY_STANDIN=1 or 0." });
  }
  checks.push(scriptUrlCheck(env.value("HELPDESKY_SCRIPT_URL")));
  checks.push(...copyChecks(env));
  checks.push(authCheck(auth, mode.kind === "live", Boolean(rawSecret.trim() || helpdeskId)));
  return checks;
}

function credentialChecks(env: SiteEnv, rawSecret: string, helpdeskId: string): Check[] {
  const checks: Check[] = [];
  const secret = rawSecret.trim();
  const from = `(from ${env.sourceOf("HELPDESKY_HMAC_SECRET")})`;
  if (!secret) {
    checks.push({
      ok: false,
      text: "HELPDESKY_HMAC_SECRET is not set.",
      fix: "Copy it from the Helpdesky dashboard (Ticket Center → Generate HMAC Secret) into .env, or your host's environment.",
    });
  } else if (!SECRET_SHAPE.test(secret)) {
    checks.push({
      ok: false,
      text: `HELPDESKY_HMAC_SECRET ${from} does not look like hdh_secret_….`,
      fix: "Check that you copied the HMAC secret itself, not the helpdesk id or another key, and in full.",
    });
  } else if (secret !== rawSecret) {
    checks.push({
      ok: false,
      text: `HELPDESKY_HMAC_SECRET ${from} has whitespace around it. The site strips it, but anything else that signs with it will not.`,
      fix: "Remove the spaces or line breaks around the value.",
    });
  } else {
    checks.push({
      ok: true,
      text: `HELPDESKY_HMAC_SECRET is set ${from} and shaped like hdh_secret_….`,
    });
  }
  if (helpdeskId) {
    checks.push({
      ok: true,
      text: `HELPDESKY_HELPDESK_ID is set (from ${env.sourceOf("HELPDESKY_HELPDESK_ID")}).`,
    });
  } else {
    checks.push({
      ok: false,
      text: "HELPDESKY_HELPDESK_ID is not set.",
      fix: "Copy data-helpdesk-id from the embed snippet in the Helpdesky dashboard (Ticket Center) into .env, or your host's environment.",
    });
  }
  return checks;
}

function scriptUrlCheck(value: string | undefined): Check {
  const url = value?.trim();
  if (!url)
    return {
      ok: true,
      text: `HELPDESKY_SCRIPT_URL is not set: the script loads from ${DEFAULT_SCRIPT_URL}.`,
    };
  if (url.startsWith("/"))
    return { ok: true, text: `HELPDESKY_SCRIPT_URL is a path on this site: ${url}.` };
  try {
    if (new URL(url).protocol === "https:") {
      return {
        ok: true,
        text: `HELPDESKY_SCRIPT_URL is ${url}; its origin is added to the Content Security Policy at build time.`,
      };
    }
  } catch {
    // Reported below.
  }
  return {
    ok: false,
    text: `HELPDESKY_SCRIPT_URL is not an https URL: ${url}`,
    fix: `Use an https URL such as ${DEFAULT_SCRIPT_URL}, or unset it.`,
  };
}

function copyChecks(env: SiteEnv): Check[] {
  const copies = findClientVisibleCopies(env.entries);
  if (copies.length === 0) {
    return [
      {
        ok: true,
        text: "No client-visible copy of the secret (PUBLIC_, VITE_ or NEXT_PUBLIC_ with HELPDESKY and SECRET in the name).",
      },
    ];
  }
  return copies.map((copy) => ({
    ok: false,
    text: `${copy.name} (from ${copy.source}) is a client-visible copy of the Helpdesky secret: a build will fail on it.`,
    fix:
      describeCopy(copy)
        .replace(/^.*?: rename/, "Rename")
        .replace(/\.$/, "") + "; then generate a new secret if it was ever deployed.",
  }));
}

function authCheck(auth: AuthSeam, live: boolean, anyCredential: boolean): Check {
  if (auth.state === "missing") {
    return {
      ok: true,
      text: `No ${auth.entry ?? "Astro middleware (src/middleware.ts or src/middleware/index.ts)"}: the sign-in was not checked. Your middleware must set Astro.locals.user (and demoSession: false); \`doctor --auth <file>\` reads another file.`,
    };
  }
  // "src/middleware.ts (through src/auth/index.ts)": the entry, and the module that decided.
  const seam =
    auth.source && auth.source !== auth.entry
      ? `${auth.entry} (through ${auth.source})`
      : auth.entry;
  if (auth.state === "custom") {
    return {
      ok: true,
      text: `${seam} uses ${auth.provider ?? "your own auth provider"}, not the demo sign-in.`,
    };
  }
  if (live) {
    return {
      ok: false,
      text: `${seam} still uses the demo sign-in while real Helpdesky credentials are set: the token endpoint refuses demo sessions (demo_auth_disabled).`,
      fix: `Connect your auth provider in ${auth.source} (it must stop importing demo-session.ts); docs/auth-recipes/ has one per provider.`,
    };
  }
  if (anyCredential) {
    // Half the credentials: not live yet, so the demo would sign anybody in as any email.
    return {
      ok: false,
      text: `${seam} uses the demo sign-in, which signs anybody in as any email, and a real Helpdesky credential is set: once both are, demo sessions are refused.`,
      fix: `Connect your auth provider in ${auth.source} before going live; docs/auth-recipes/ has one per provider.`,
    };
  }
  return {
    ok: true,
    text: `${seam} uses the demo sign-in: fine with the stand-in; connect a real auth provider before going live.`,
  };
}
