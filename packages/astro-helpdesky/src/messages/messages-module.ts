import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { exactIdFilter } from "../virtual-id-filter.ts";
import { DEFAULT_MESSAGES, type HelpdeskyMessages } from "./default-messages.ts";

/** The module the components read their texts from; typed by the `.d.ts` the integration injects. */
export const MESSAGES_MODULE = "virtual:helpdesky/messages";
const RESOLVED_ID = `\0${MESSAGES_MODULE}`;
const TYPES_PATH = fileURLToPath(new URL("./default-messages.ts", import.meta.url)).replaceAll(
  "\\",
  "/",
);

/**
 * Whether the site's Contact Form texts differ from the English defaults: then the form words the
 * browser's own constraint messages too (the browser writes those in its own language, not the
 * page's), with a small script that an English site does without.
 */
export function ownsValidationMessages(messages: HelpdeskyMessages): boolean {
  return (
    messages.locale !== DEFAULT_MESSAGES.locale ||
    JSON.stringify(messages.contactForm) !== JSON.stringify(DEFAULT_MESSAGES.contactForm)
  );
}

/** The groups of texts, each a module of its own under `virtual:helpdesky/messages/`. */
const GROUPS = ["contactForm", "ticketCenter", "fallback"] as const;

/**
 * Serves `virtual:helpdesky/messages`: the site's texts, merged over the defaults. Each group is a
 * module of its own that the barrel re-exports, so a client chunk holds only the groups its
 * components show: a bundler splits chunks by module, not by export, and one module shared by the
 * Ticket Center island and the lazily loaded Contact Form would put every text in the chunk every
 * visitor of `/support` downloads.
 */
export function messagesPlugin(messages: HelpdeskyMessages): Plugin {
  const sources = new Map<string, string>([
    [
      RESOLVED_ID,
      `export const locale = ${JSON.stringify(messages.locale)};\n` +
        `export const ownValidationMessages = ${JSON.stringify(ownsValidationMessages(messages))};\n` +
        GROUPS.map((group) => `export { ${group} } from "${MESSAGES_MODULE}/${group}";\n`).join(""),
    ],
    ...GROUPS.map((group): [string, string] => [
      `${RESOLVED_ID}/${group}`,
      `export const ${group} = ${JSON.stringify(messages[group])};\n`,
    ]),
  ]);
  const ids = [MESSAGES_MODULE, ...GROUPS.map((group) => `${MESSAGES_MODULE}/${group}`)];
  return {
    name: "helpdesky:messages",
    resolveId: { filter: { id: exactIdFilter(...ids) }, handler: (id) => `\0${id}` },
    load: {
      filter: { id: exactIdFilter(...sources.keys()) },
      handler: (id) => sources.get(id),
    },
  };
}

/** The declaration of the virtual module, written by `injectTypes`. */
export const MESSAGES_TYPES = `declare module "${MESSAGES_MODULE}" {
  type Messages = import(${JSON.stringify(TYPES_PATH)}).HelpdeskyMessages;
  /** The \`messages\` option of \`helpdesky()\`, merged over the English defaults. */
  export const locale: string;
  export const contactForm: Messages["contactForm"];
  export const ticketCenter: Messages["ticketCenter"];
  export const fallback: Messages["fallback"];
  /** Whether the Contact Form words the browser's constraint messages itself. */
  export const ownValidationMessages: boolean;
}
`;
