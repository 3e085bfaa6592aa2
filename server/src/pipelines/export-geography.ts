import type { AppContext } from '../context';
import { listAreas } from '../db/areas';
import { listVillages } from '../db/geography';
import { featuresKml } from '../domain/export/features-kml';
import { recordName } from '../township-scope';
import type { ExportFile } from './export-premises';
import { areaFeature, villageFeature } from './geography-features';

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
  const features = listVillages(ctx.db).map(villageFeature);
  return file(format, 'villages', `${recordName(ctx)}村社区`, features, (f) => String(f.properties?.name));
}

/** The key areas (重点区域) leaders drew, with their reasons and periods. */
export function exportAreas(ctx: AppContext, format: GeographyFormat): ExportFile {
  const features = listAreas(ctx.db).map(areaFeature);
  return file(format, 'areas', `${recordName(ctx)}重点区域`, features, (f) => String(f.properties?.name));
}
