import type { AppContext } from '../context';
import { listAreas } from '../db/areas';
import { listVillages } from '../db/geography';
import { featuresKml } from '../domain/export/features-kml';
import type { ExportFile } from './export-premises';

export type GeographyFormat = 'geojson' | 'kml';

function file(
  format: GeographyFormat,
  base: string,
  name: string,
  features: GeoJSON.Feature[],
  nameOf: (f: GeoJSON.Feature) => string,
): ExportFile {
  const text =
    format === 'geojson'
      ? JSON.stringify({ type: 'FeatureCollection', name, features })
      : featuresKml(name, features, nameOf);
  return {
    bytes: new TextEncoder().encode(text),
    contentType: format === 'geojson' ? 'application/geo+json' : 'application/vnd.google-earth.kml+xml',
    fileName: `${base}.${format}`,
    count: features.length,
  };
}

/** The villages and communities with their boundaries (WGS-84). */
export function exportVillages(ctx: AppContext, format: GeographyFormat): ExportFile {
  const features: GeoJSON.Feature[] = listVillages(ctx.db).map((v) => ({
    type: 'Feature',
    id: v.id,
    properties: {
      id: v.id,
      code: v.code,
      name: v.name,
      kind: v.kind,
      areaKm2: Math.round(v.areaKm2 * 1000) / 1000,
    },
    geometry: v.geometry,
  }));
  return file(format, 'villages', `${ctx.campaign.township}村社区`, features, (f) =>
    String(f.properties?.name),
  );
}

/** The key areas (重点区域) leaders drew, with their reasons and periods. */
export function exportAreas(ctx: AppContext, format: GeographyFormat): ExportFile {
  const features: GeoJSON.Feature[] = listAreas(ctx.db).map((a) => ({
    type: 'Feature',
    id: a.id,
    properties: {
      id: a.id,
      name: a.name,
      reason: a.reason,
      note: a.note,
      activeFrom: a.activeFrom,
      activeTo: a.activeTo,
    },
    geometry: a.geometry,
  }));
  return file(format, 'areas', `${ctx.campaign.township}重点区域`, features, (f) =>
    String(f.properties?.name),
  );
}
