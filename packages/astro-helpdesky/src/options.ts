import { AstroError } from "astro/errors";
import * as v from "valibot";
import { MessagesSchema } from "./messages/messages-schema.ts";

const routePath = v.pipe(
  v.string(),
  v.regex(
    /^\/[A-Za-z0-9/_-]*$/,
    "must be a path that starts with `/`, like `/api/helpdesky-token`",
  ),
);

const linkTarget = v.pipe(
  v.string(),
  v.regex(
    /^(\/(?!\/)|https:\/\/)[^\s<>"]*$/,
    "must be a path that starts with `/`, or an `https://` URL",
  ),
);

// A cookie name the page's inline script can put in a pattern as it is: no character to escape.
const cookieName = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a cookie name of letters, digits, `_` and `-`"),
);

/** The options `helpdesky()` accepts in `astro.config.mjs`. */
export const HelpdeskyOptionsSchema = v.strictObject({
  /** Where the token endpoint is mounted. The island's `tokenUrl` prop must match. */
  tokenRoute: v.optional(routePath, "/api/helpdesky-token"),
  /** Where the Contact Form's JSON API is mounted. The React form's `endpoint` prop must match. */
  contactRoute: v.optional(routePath, "/api/contact"),
  /**
   * Whether pages preload Helpdesky's script (when the build knows which one). Faster for signed-in
   * users; anonymous visitors then download it too, from Helpdesky's origin.
   */
  preloadScript: v.optional(v.boolean(), true),
  /**
   * Where visitors sign in, for the components' sign-in links: your provider's page, ideally one
   * that comes back to the support page afterwards. Unset, the components offer no sign-in link.
   */
  signInUrl: v.optional(linkTarget),
  /**
   * Where the Ticket Center's `Sign out` form posts (a POST with the session's cookie). Unset, the
   * Ticket Center shows no `Sign out` button; a sign-out form elsewhere on the page still clears it.
   */
  signOutUrl: v.optional(linkTarget),
  /**
   * The components' texts, for a site not in English: any part of `DEFAULT_MESSAGES`
   * (`src/messages/default-messages.ts`), merged over the English defaults.
   */
  messages: v.optional(MessagesSchema),
  /**
   * A cookie that scripts can read, naming nobody, that your site sets while a visitor is signed in
   * (and clears on sign-out). Without it on a page load, the Ticket Center's page shows the Contact
   * Form at first paint and asks no token; with it, the token endpoint decides, as without the option.
   */
  signedInCookie: v.optional(cookieName),
});

export type HelpdeskyUserOptions = v.InferInput<typeof HelpdeskyOptionsSchema>;
export type HelpdeskyOptions = v.InferOutput<typeof HelpdeskyOptionsSchema>;

/** Validates the user's options, or throws an `AstroError` that names each bad field. */
export function parseHelpdeskyOptions(input: unknown): HelpdeskyOptions {
  const result = v.safeParse(HelpdeskyOptionsSchema, input ?? {});
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `\`${path}\` ${issue.message}` : issue.message;
  });
  throw new AstroError(
    `Invalid options passed to helpdesky(): ${problems.join("; ")}.`,
    "Fix the `helpdesky({ … })` call in astro.config.mjs. It accepts `tokenRoute`, `contactRoute`, `preloadScript`, " +
      "`signInUrl`, `signOutUrl`, `signedInCookie` and `messages`, all optional (see the Options and Messages sections of the astro-helpdesky README).",
  );
}
