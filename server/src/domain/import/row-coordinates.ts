import type { Crs } from '../crs/crs-catalog';
import { inChina } from '../crs/guess-crs';
import { type LngLat, toWgs84 } from '../crs/to-wgs84';

export type RowCoordinates =
  | { ok: true; lngLat: LngLat; swapped: boolean }
  | { ok: false; field: 'lng' | 'lat'; expected: string };

/** Degrees as decimal (120.21) or degrees-minutes-seconds (120°12′36.5″E). */
export function parseDegrees(text: string): number | null {
  const t = text
    .trim()
    .normalize('NFKC')
    .replace(/[EN东北]$/i, '')
    .trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  const dms =
    /^(\d{1,3})\s*[°度]\s*(?:(\d{1,2}(?:\.\d+)?)\s*['′分]\s*)?(?:(\d{1,2}(?:\.\d+)?)\s*["″秒]\s*)?$/.exec(t);
  if (!dms) return null;
  return Number(dms[1]) + Number(dms[2] ?? 0) / 60 + Number(dms[3] ?? 0) / 3600;
}

const fmt = (v: number) => String(Number(v.toFixed(6)));

/**
 * The WGS-84 position of a row's 经度/纬度 in `crs`. Latitude and longitude written the wrong way
 * round are recognised (in China they cannot be confused: latitudes 18–54, longitudes 73–135)
 * and swapped back, with `swapped` set so the import can say so. Points outside China are refused.
 */
export function rowCoordinates(lngText: string, latText: string, crs: Crs): RowCoordinates | null {
  if (lngText.trim() === '' && latText.trim() === '') return null;
  const expectedLng = 'a longitude in degrees, e.g. 120.2101';
  const expectedLat = 'a latitude in degrees, e.g. 30.3418';
  if (lngText.trim() === '')
    return { ok: false, field: 'lng', expected: `${expectedLng} (纬度 is given, 经度 is empty)` };
  if (latText.trim() === '')
    return { ok: false, field: 'lat', expected: `${expectedLat} (经度 is given, 纬度 is empty)` };
  let lng = parseDegrees(lngText);
  let lat = parseDegrees(latText);
  if (lng === null) return { ok: false, field: 'lng', expected: expectedLng };
  if (lat === null) return { ok: false, field: 'lat', expected: expectedLat };
  let swapped = false;
  if (!inChina(lng, lat) && inChina(lat, lng)) {
    [lng, lat] = [lat, lng];
    swapped = true;
  }
  if (!inChina(lng, lat)) {
    return {
      ok: false,
      field: Math.abs(lng) > 90 || (lng >= 73.4 && lng <= 135.1) ? 'lat' : 'lng',
      expected: `a point in China (longitude 73–135, latitude 18–54); (${fmt(lng)}, ${fmt(lat)}) is outside China`,
    };
  }
  return { ok: true, lngLat: toWgs84(crs)([lng, lat]), swapped };
}
