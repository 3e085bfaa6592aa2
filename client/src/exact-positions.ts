import { fetchPremise } from './api';
import type { PremisesData } from './lib/premises-binary';

/** Most premise files fetched to settle one question; past this the server counts instead. */
export const MAX_EXACT_LOOKUPS = 25;

/** Per layer (a reloaded layer may have moved premises), premise id → [lng, lat]. */
const caches = new WeakMap<PremisesData, Map<number, readonly [number, number]>>();

/**
 * The exact (float64) positions of some premise rows of the layer, read from their files (cached
 * for as long as the layer is current), keyed by row: what settleMembership() needs for the rare premise that
 * lies within float32 rounding of a shape's edge.
 */
export async function exactPositions(
  data: PremisesData,
  rows: Iterable<number>,
  signal?: AbortSignal,
): Promise<Map<number, readonly [number, number]>> {
  const known = caches.get(data) ?? new Map<number, readonly [number, number]>();
  caches.set(data, known);
  const wanted = [...new Set(rows)];
  await Promise.all(
    wanted
      .map((p) => data.id[p])
      .filter((id) => !known.has(id))
      .map(async (id) => {
        const file = await fetchPremise(id, null, { signal });
        known.set(id, [file.lngLat[0], file.lngLat[1]]);
      }),
  );
  const out = new Map<number, readonly [number, number]>();
  for (const p of wanted) {
    const position = known.get(data.id[p]);
    if (position) out.set(p, position);
  }
  return out;
}
