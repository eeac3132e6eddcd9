/**
 * What this integration reads from the site: your middleware sets these from your auth provider
 * (see the site's `src/auth/`). The integration never reads a cookie or a session itself.
 */
declare namespace App {
  interface Locals {
    /** The signed-in user, exactly as the auth provider holds the email; `null` when anonymous. */
    user: { email: string } | null;
    /** True when the session comes from the demo sign-in, which is refused against real credentials. */
    demoSession: boolean;
  }
}
