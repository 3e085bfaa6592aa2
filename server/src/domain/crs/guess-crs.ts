import { type Crs, gaussKrugerForLongitude, gaussKrugerForZone, WGS84, webMercator } from './crs-catalog';
import { toWgs84 } from './to-wgs84';

export type CrsGuess = { ok: true; crs: Crs; assumption: string } | { ok: false; reason: string };

/** Whether [lng, lat] lies in China's rough bounding box. */
export function inChina(lng: number, lat: number): boolean {
  return lng >= 73.4 && lng <= 135.1 && lat >= 18.1 && lat <= 53.6;
}

const fmt = (v: number) =>
  Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en') : String(Number(v.toFixed(6)));

/**
 * Recognises a coordinate system from the size of the numbers, for files that do not say:
 * longitude/latitude; Gauss-Krüger with a zone prefix (x ≈ 40,500,000 → zone 40, EPSG:4528);
 * Gauss-Krüger without one (x ≈ 500,000: the zone of `nearLng`, e.g. CM 120°E → EPSG:4549);
 * Web Mercator. `bbox` is [minX, minY, maxX, maxY] of the positions.
 */
export function guessCrs(bbox: readonly [number, number, number, number], nearLng = 120): CrsGuess {
  const [minX, minY, maxX, maxY] = bbox;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const at = `(${fmt(cx)}, ${fmt(cy)})`;
  if (!inChina(cx, cy) && inChina(cy, cx)) {
    return {
      ok: false,
      reason: `the coordinates ${at} look like [latitude, longitude]; longitude must come first`,
    };
  }
  if (Math.abs(minX) <= 180 && Math.abs(maxX) <= 180 && Math.abs(minY) <= 90 && Math.abs(maxY) <= 90) {
    return {
      ok: true,
      crs: WGS84,
      assumption: `the coordinates ${at} are longitude/latitude: read as WGS-84/CGCS2000; if they came from a Chinese web map, say crs=GCJ02 (高德/腾讯) or crs=BD09 (百度)`,
    };
  }
  const northing = cy >= 1e6 && cy <= 6.5e6;
  const zone = Math.floor(cx / 1e6);
  const prefixed = gaussKrugerForZone(zone);
  if (prefixed && northing && cx - zone * 1e6 > 1e5 && cx - zone * 1e6 < 9e5) {
    const lng = toWgs84(prefixed)([cx, cy])[0];
    const mercatorLng = toWgs84(webMercator)([cx, cy])[0];
    if (!(cx < 1.6e7 && Math.abs(mercatorLng - nearLng) < Math.abs(lng - nearLng))) {
      return {
        ok: true,
        crs: prefixed,
        assumption: `x ≈ ${fmt(cx)} carries the zone prefix ${zone}: read as ${prefixed.name}`,
      };
    }
  }
  if (cx >= 8e6 && cx <= 1.6e7 && cy >= 1.9e6 && cy <= 7.3e6) {
    return {
      ok: true,
      crs: webMercator,
      assumption: `the coordinates ${at} look like Web Mercator metres: read as EPSG:3857`,
    };
  }
  if (cx > 1e5 && cx < 9e5 && northing) {
    const gk = gaussKrugerForLongitude(nearLng);
    return {
      ok: true,
      crs: gk,
      assumption: `x ≈ ${fmt(cx)} has no zone prefix: read as ${gk.name}, the zone of the township; say crs=EPSG:… if that is wrong`,
    };
  }
  if (cy > 1e7 && gaussKrugerForZone(Math.floor(cy / 1e6)) && cx >= 1e6 && cx <= 6.5e6) {
    return {
      ok: false,
      reason: `the coordinates ${at} look like Gauss-Krüger with x and y swapped (northing first); easting must come first`,
    };
  }
  return {
    ok: false,
    reason: `the coordinates ${at} are in no coordinate system we recognise; name it with crs (WGS84, CGCS2000, GCJ02, BD09, EPSG:4549, EPSG:4528 …)`,
  };
}
