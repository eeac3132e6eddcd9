/**
 * What this integration reads from the site: your middleware sets these from your auth provider
 * (see the site's `src/auth/`). The integration never reads a cookie or a session itself, and asks
 * again on every token request: once your provider refuses a session, the token endpoint answers 401.
 */
declare namespace App {
  interface Locals {
    /**
     * The signed-in user, or `null` when anonymous or when the email is not verified yet. The email
     * is signed exactly as given: it must be the verified address Helpdesky knows for that customer,
     * byte for byte (no trimming or lower-casing on the way).
     */
    user: { email: string } | null;
    /**
     * True only for the demo sign-in, which signs anybody in as any email: the token endpoint
     * refuses such sessions against real credentials. Always `false` for a real provider.
     */
    demoSession: boolean;
  }
}
