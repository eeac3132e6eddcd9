/**
 * A hook filter (`resolveId`/`load`'s `filter.id`) that matches `id` and nothing else, so Vite and
 * Rolldown skip a virtual-module plugin for every other module without calling it. A RegExp: a
 * string there would be read as a glob, and `resolveId` takes RegExps only.
 */
export function exactIdFilter(id: string): RegExp {
  return new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
}
