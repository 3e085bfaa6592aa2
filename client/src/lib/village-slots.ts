import type { PremisesData } from './premises-binary';

/** Village ids in ascending order, and for each premise the position of its village in that list. */
export interface VillageSlots {
  ids: number[];
  slotOf: Uint16Array;
}

const cache = new WeakMap<PremisesData, VillageSlots>();

/** Compact village numbering for a premises layer (computed once per layer). */
export function villageSlots(data: PremisesData): VillageSlots {
  const cached = cache.get(data);
  if (cached) return cached;
  const ids = [...new Set(data.village)].sort((a, b) => a - b);
  const slot = new Map(ids.map((id, i) => [id, i]));
  const slotOf = new Uint16Array(data.premiseCount);
  for (let p = 0; p < data.premiseCount; p++) slotOf[p] = slot.get(data.village[p]) ?? 0;
  const result = { ids, slotOf };
  cache.set(data, result);
  return result;
}
