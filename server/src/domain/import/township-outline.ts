import { dissolveParts } from '../areas/dissolve-parts';
import { type Polygonal, polygonsOf } from '../areas/point-in-polygon';

/**
 * The township's outline as the union of its villages, for a township whose own outline was never
 * imported: neighbouring villages merge along their shared edges (the rounding slivers between
 * them filled, see dissolveParts), enclaves stay holes. Null when there are no villages.
 */
export function townshipOutline(villages: readonly Polygonal[]): Polygonal | null {
  const parts = villages.flatMap(polygonsOf);
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0] };
  return dissolveParts({ type: 'MultiPolygon', coordinates: parts }).geometry;
}
