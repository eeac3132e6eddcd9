/**
 * A hook filter (`resolveId`/`load`'s `filter.id`) that matches the `ids` and nothing else, so Vite and
 * Rolldown skip a virtual-module plugin for every other module without calling it. A RegExp: a
 * string there would be read as a glob, and `resolveId` takes RegExps only.
 */
export function exactIdFilter(...ids: string[]): RegExp {
  const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  return new RegExp(`^(?:${escaped.join("|")})$`);
}
