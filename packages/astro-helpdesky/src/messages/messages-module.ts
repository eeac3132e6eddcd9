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

/**
 * Serves `virtual:helpdesky/messages`: the site's texts, merged over the defaults, one export per
 * group so that a client bundle takes only the groups its component shows.
 */
export function messagesPlugin(messages: HelpdeskyMessages): Plugin {
  const source =
    `export const locale = ${JSON.stringify(messages.locale)};\n` +
    `export const contactForm = ${JSON.stringify(messages.contactForm)};\n` +
    `export const ticketCenter = ${JSON.stringify(messages.ticketCenter)};\n` +
    `export const fallback = ${JSON.stringify(messages.fallback)};\n` +
    `export const ownValidationMessages = ${JSON.stringify(ownsValidationMessages(messages))};\n`;
  return {
    name: "helpdesky:messages",
    resolveId: { filter: { id: exactIdFilter(MESSAGES_MODULE) }, handler: () => RESOLVED_ID },
    load: { filter: { id: exactIdFilter(RESOLVED_ID) }, handler: () => source },
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
