import * as v from "valibot";
import { DEFAULT_MESSAGES, type MessageOverrides } from "./default-messages.ts";
import { placeholdersOf } from "./format-message.ts";

type Tree = { [key: string]: string | Tree };

/** A text that uses only the placeholders its default has, so that a typo does not show as `{mx}`. */
function textSchema(fallback: string) {
  const known = placeholdersOf(fallback);
  const allowed = known.length ? known.map((name) => `{${name}}`).join(", ") : "none";
  return v.pipe(
    v.string("must be a text"),
    v.check(
      (text) => placeholdersOf(text).every((name) => known.includes(name)),
      `may use only the placeholders of its default (${allowed})`,
    ),
  );
}

function localeSchema() {
  return v.pipe(
    v.string("must be a language tag, like `de` or `pt-BR`"),
    v.check((tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    }, "must be a language tag, like `de` or `pt-BR`"),
  );
}

/** A schema of the same shape as `defaults`, every key optional and none other allowed. */
function treeSchema(defaults: Tree, path: string[]): v.GenericSchema {
  const entries: Record<string, v.GenericSchema> = {};
  for (const [key, value] of Object.entries(defaults)) {
    const inner =
      path.length === 0 && key === "locale"
        ? localeSchema()
        : typeof value === "string"
          ? textSchema(value)
          : treeSchema(value, [...path, key]);
    entries[key] = v.optional(inner);
  }
  return v.strictObject(entries, (issue) =>
    issue.expected === "never"
      ? `is not a message key here; the keys are ${Object.keys(defaults).join(", ")}`
      : "must be an object of texts",
  );
}

/**
 * The `messages` option: any part of `DEFAULT_MESSAGES`, texts as strings. Built from the defaults,
 * so that a key added there is accepted here with no second list to keep.
 */
export const MessagesSchema = treeSchema(DEFAULT_MESSAGES, []) as v.GenericSchema<MessageOverrides>;
