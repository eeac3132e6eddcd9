/** What the bundler says of one output chunk: its file, the chunks it imports statically, its modules. */
export interface ChunkInfo {
  fileName: string;
  imports: readonly string[];
  moduleIds: readonly string[];
  /** The module the chunk is the entry of, for an entry chunk (an island's component). */
  facadeModuleId?: string | null;
}

/**
 * Every chunk `entry` pulls in through static imports, at any depth, in the order a browser meets
 * them; `entry` itself is left out. Empty for a chunk the bundle does not have.
 */
export function staticImportClosure(
  chunks: ReadonlyMap<string, ChunkInfo>,
  entry: string,
): string[] {
  const seen = new Set<string>([entry]);
  const order: string[] = [];
  const visit = (fileName: string) => {
    for (const imported of chunks.get(fileName)?.imports ?? []) {
      if (seen.has(imported)) continue;
      seen.add(imported);
      order.push(imported);
      visit(imported);
    }
  };
  visit(entry);
  return order;
}

/** Whether `entry` or a chunk it imports statically holds a module whose id ends with `moduleSuffix`. */
export function loadsModule(
  chunks: ReadonlyMap<string, ChunkInfo>,
  entry: string,
  moduleSuffix: string,
): boolean {
  return [entry, ...staticImportClosure(chunks, entry)].some((fileName) =>
    chunks.get(fileName)?.moduleIds.some((id) => id.split("?")[0]!.endsWith(moduleSuffix)),
  );
}
