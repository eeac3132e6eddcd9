import type { AstroIntegration } from "astro";
import { helpdeskyEnvFields } from "./env-fields.ts";
import { parseHelpdeskyOptions, type HelpdeskyUserOptions } from "./options.ts";

/**
 * Adds Helpdesky to an Astro site: the `astro:env` fields it reads and the on-demand token route
 * the Ticket Center island asks for its signed credentials.
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
      },
    },
  };
}
