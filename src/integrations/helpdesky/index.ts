import type { AstroIntegration } from "astro";
import { helpdeskyEnvFields } from "./env-fields.ts";
import { STANDIN_BASE_PATH } from "./mode.ts";
import { parseHelpdeskyOptions, type HelpdeskyUserOptions } from "./options.ts";

/**
 * Adds Helpdesky to an Astro site: the `astro:env` fields it reads and the on-demand token route
 * the Ticket Center island asks for its signed credentials, and the local Helpdesky stand-in.
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
        // Always injected; it answers 404 at run time unless the server runs in stand-in mode.
        injectRoute({
          pattern: `${STANDIN_BASE_PATH}/[...path]`,
          entrypoint: new URL("./standin/routes/standin.ts", import.meta.url),
          prerender: false,
        });
      },
    },
  };
}
