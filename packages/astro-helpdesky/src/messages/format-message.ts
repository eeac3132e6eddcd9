/** `{name}` placeholders of a message: what a translation may use. */
export const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The names of the placeholders in `template`. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/** `template` with each `{name}` replaced by its value; an unknown name is left as written. */
export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * `template` split around `{name}`, for a message with an element inside (a link, a bold email):
 * the text before it and after it. Without the placeholder, all of it comes before.
 */
export function splitMessage(template: string, name: string): [before: string, after: string] {
  const at = template.indexOf(`{${name}}`);
  if (at === -1) return [template, ""];
  return [template.slice(0, at), template.slice(at + name.length + 2)];
}

/** A number as the messages' `locale` writes it (5,000 in English, 5.000 in German). */
export function formatCount(value: number, locale: string): string {
  try {
    return value.toLocaleString(locale);
  } catch {
    // A tag `Intl` does not know: the schema checks the shape, not every language.
    return value.toLocaleString("en");
  }
}
