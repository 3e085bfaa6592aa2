/** Village ids in ascending order, and for each premise row the position (slot) of its village in that list. */
export interface VillageSlots {
  ids: number[];
  slotOf: Uint16Array | Uint32Array;
}

const cache = new WeakMap<Uint32Array, VillageSlots>();

/**
 * Compact village numbering for a column of village ids (one per premise), so a tally counts
 * villages in typed arrays: computed once per column (columns are rebuilt, not changed, on a write).
 */
export function villageSlots(villageOf: Uint32Array): VillageSlots {
  const cached = cache.get(villageOf);
  if (cached) return cached;
  const ids = [...new Set(villageOf)].sort((a, b) => a - b);
  const slot = new Map(ids.map((id, i) => [id, i]));
  const slotOf = ids.length > 0xffff ? new Uint32Array(villageOf.length) : new Uint16Array(villageOf.length);
  for (let p = 0; p < villageOf.length; p++) slotOf[p] = slot.get(villageOf[p]) ?? 0;
  const result = { ids, slotOf };
  cache.set(villageOf, result);
  return result;
}
