/**
 * src/auth/index.ts for Supabase Auth through `@supabase/ssr`. Set SUPABASE_URL and
 * SUPABASE_ANON_KEY on the server; sign users in with Supabase's own pages or client.
 *
 * Verified email: only users whose email is confirmed (`email_confirmed_at`) are returned.
 * Revocation: `auth.getUser()` asks Supabase's Auth server on every call, so a signed-out or
 * deleted user is refused at once (`getSession()` would trust the cookie alone).
 * This reads cookies only: refresh the session where you can write cookies (your sign-in pages,
 * or middleware with `setAll` writing to `context.cookies`).
 */
import { createServerClient, parseCookieHeader } from "@supabase/ssr";

export interface Session {
  /** The email exactly as the provider holds it: Helpdesky matches it byte for byte. */
  user: { email: string };
  /** Always false here: only the demo sign-in sets it. */
  demo: boolean;
}

/** The signed-in user of a request, or null when there is none. */
export async function getSession(request: Request): Promise<Session | null> {
  const supabase = createServerClient(
    process.env.SUPABASE_URL ?? "",
    process.env.SUPABASE_ANON_KEY ?? "",
    {
      cookies: {
        getAll: () => parseCookieHeader(request.headers.get("cookie") ?? ""),
        setAll: () => {},
      },
    },
  );
  const { data } = await supabase.auth.getUser();
  const user = data.user;
  return user?.email && user.email_confirmed_at
    ? { user: { email: user.email }, demo: false }
    : null;
}
