/** One page of items (sorted by id here) after the cursor id, with how many there are in all. */
export function pageById<T extends { id: number }>(
  items: readonly T[],
  afterId: number,
  limit: number,
): { items: T[]; matched: number; more: boolean } {
  const sorted = [...items].sort((a, b) => a.id - b.id);
  const rest = sorted.filter((item) => item.id > afterId);
  return { items: rest.slice(0, limit), matched: sorted.length, more: rest.length > limit };
}
