import { MAX_EMAIL_LENGTH } from "astro-helpdesky/utils";

/**
 * Why the demo sign-in refuses an email, or null when it accepts it. Any `local@domain` is
 * accepted, non-ASCII included; the email is kept exactly as typed, since Helpdesky matches
 * it byte for byte.
 */
export function demoEmailProblem(email: string): string | null {
  if (email.trim() === "") return "Enter your email address.";
  if (email.length > MAX_EMAIL_LENGTH) return `Use at most ${MAX_EMAIL_LENGTH} characters.`;
  if (/[\s\u0000-\u001f\u007f-\u009f]/u.test(email))
    return "An email address has no spaces or line breaks.";
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return "Enter an address like name@example.com.";
  return null;
}
