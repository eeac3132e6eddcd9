/**
 * Where visitors sign in and out: the header's `Sign in` link, and the Ticket Center's sign-in
 * prompt and `Sign out` button on /support. They name the demo's pages; point them at your
 * provider's when you replace it (README, "Plugging in a real auth provider").
 */
export const signInUrl = "/login";
/** Sign-in that comes back to /support afterwards. */
export const supportSignInUrl = "/login?next=/support";
/** Where the island's `Sign out` form posts (a POST with the session's cookie). */
export const signOutUrl = "/logout";
