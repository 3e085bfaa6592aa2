import type { AreaRow } from '../db/areas';
import type { VillageRow } from '../db/geography';

/** A feature with its record's id, as every layer we serve or export has one. */
export type IdFeature = GeoJSON.Feature & { id: number };

/** A village or community boundary as a GeoJSON feature (the OGC layer and the geography export). */
export function villageFeature(v: VillageRow): IdFeature {
  return {
    type: 'Feature',
    id: v.id,
    geometry: v.geometry,
    properties: {
      id: v.id,
      code: v.code,
      name: v.name,
      kind: v.kind,
      townshipId: v.townshipId,
      areaKm2: Math.round(v.areaKm2 * 1000) / 1000,
    },
  };
}

/** A key area (重点区域) with its reason and period as a GeoJSON feature (the OGC layer and the export). */
export function areaFeature(a: AreaRow): IdFeature {
  return {
    type: 'Feature',
    id: a.id,
    geometry: a.geometry,
    properties: {
      id: a.id,
      name: a.name,
      reason: a.reason,
      note: a.note,
      activeFrom: a.activeFrom,
      activeTo: a.activeTo,
    },
  };
}
