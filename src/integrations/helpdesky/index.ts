import type { AstroIntegration } from "astro";
import { helpdeskyEnvFields } from "./env-fields.ts";
import { STANDIN_BASE_PATH } from "./mode.ts";
import { parseHelpdeskyOptions, type HelpdeskyUserOptions } from "./options.ts";

/**
 * Adds Helpdesky to an Astro site: the `astro:env` fields it reads and the on-demand token route
 * the Ticket Center island asks for its signed credentials, the Contact Form's API and the
 * stand-in's inbox page.
 */
export default function helpdesky(userOptions?: HelpdeskyUserOptions): AstroIntegration {
  const options = parseHelpdeskyOptions(userOptions);
  return {
    name: "helpdesky",
    hooks: {
      "astro:config:setup": ({ updateConfig, injectRoute }) => {
        updateConfig({ env: { schema: helpdeskyEnvFields } });
        injectRoute({
          pattern: options.tokenRoute,
          entrypoint: new URL("./routes/token.ts", import.meta.url),
          prerender: false,
        });
        injectRoute({
          pattern: options.contactRoute,
          entrypoint: new URL("./contact/routes/api.ts", import.meta.url),
          prerender: false,
        });
        // Answers 404 outside stand-in mode.
        injectRoute({
          pattern: `${STANDIN_BASE_PATH}/inbox`,
          entrypoint: new URL("./contact/routes/inbox.astro", import.meta.url),
          prerender: false,
        });
      },
    },
  };
}
