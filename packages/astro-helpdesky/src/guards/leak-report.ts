import { describeCopy, type ClientVisibleCopy } from "./client-visible-copies.ts";
import type { LeakFindings } from "./find-leaks.ts";

/** One line per problem, naming files and variables but never the secret's value. */
export function leakReportLines(copies: ClientVisibleCopy[], leaks: LeakFindings): string[] {
  return [
    ...copies.map(describeCopy),
    ...leaks.publicFiles.map(
      (file) => `HELPDESKY_HMAC_SECRET's value is in a file browsers can download: ${file}`,
    ),
    ...leaks.serverFiles.map(
      (file) =>
        `HELPDESKY_HMAC_SECRET's value is baked into the server bundle: ${file}. ` +
        `Read it at run time from astro:env/server (not import.meta.env), so a build never embeds it.`,
    ),
  ];
}

/** The error that fails the build; the details went to the logger line by line. */
export function leakGuardError(problemCount: number): Error {
  const error = new Error(
    `Helpdesky leak guard: the build exposes HELPDESKY_HMAC_SECRET (${problemCount} ` +
      `${problemCount === 1 ? "problem" : "problems"}, listed above). Fix them and build again; ` +
      `if the secret was deployed or committed anywhere, generate a new one in the Helpdesky dashboard.`,
  );
  // A stack trace points into this integration, not at the leak: leave it out.
  error.stack = error.message;
  return error;
}
