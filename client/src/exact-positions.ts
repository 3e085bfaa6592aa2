import type { QueryClient } from '@tanstack/react-query';
import type { PremisesData } from './lib/premises-binary';
import { premiseQuery } from './queries';

/** Most premise files fetched to settle one question; past this the server counts instead. */
export const MAX_EXACT_LOOKUPS = 25;

/**
 * The exact (float64) positions of some premise rows of the layer, read from their files, keyed by
 * row: what settleMembership() needs for the rare premise that lies within float32 rounding of a
 * shape's edge. The files come from the page's cache: a file read once is not asked again until
 * a write that moves premises (an import, a pin placed) invalidates it with the layer.
 */
export async function exactPositions(
  qc: QueryClient,
  data: PremisesData,
  rows: Iterable<number>,
): Promise<Map<number, readonly [number, number]>> {
  const wanted = [...new Set(rows)];
  const files = await Promise.all(
    wanted.map((p) => qc.fetchQuery({ ...premiseQuery(data.id[p]), staleTime: Number.POSITIVE_INFINITY })),
  );
  return new Map(wanted.map((p, i) => [p, [files[i].lngLat[0], files[i].lngLat[1]] as const]));
}
