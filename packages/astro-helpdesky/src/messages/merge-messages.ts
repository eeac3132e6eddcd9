import type { MessageOverrides } from "./default-messages.ts";

type Tree = { [key: string]: string | Tree };

/**
 * `overrides` deep-merged over `defaults`: a text given replaces the default, a group given
 * replaces only the texts it names, anything unset keeps the default. Keys the defaults do not
 * have are dropped (the option's schema has already refused them), so the result always has
 * exactly the defaults' shape. Neither argument is changed.
 */
export function mergeMessages<T extends object>(defaults: T, overrides?: MessageOverrides<T>): T {
  if (!overrides) return defaults;
  const base = defaults as Tree;
  const given = overrides as Partial<Tree>;
  const merged: Tree = {};
  for (const key of Object.keys(base)) {
    const fallback = base[key];
    const value = given[key];
    merged[key] =
      typeof fallback === "string"
        ? typeof value === "string"
          ? value
          : fallback
        : typeof value === "object" && value !== null
          ? mergeMessages(fallback, value as MessageOverrides<Tree>)
          : fallback;
  }
  return merged as T;
}
