/** Finding an entry by id or alias (no preset data here: a bundle that only looks up keeps none). */
export function findIn<T extends { id: string; aliases: readonly string[] }>(
  word: string,
  list: readonly T[],
): T | undefined {
  const w = word.toLowerCase();
  return (
    list.find((p) => p.id === w) ?? list.find((p) => p.aliases.some((a) => a.toLowerCase() === w))
  );
}
