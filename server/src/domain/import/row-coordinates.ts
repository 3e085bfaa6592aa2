import type { Crs } from '../crs/crs-catalog';
import { inChina } from '../crs/guess-crs';
import { type LngLat, toWgs84 } from '../crs/to-wgs84';
import type { Bilingual } from './bilingual';

export type RowCoordinates =
  | { ok: true; lngLat: LngLat; swapped: boolean }
  | { ok: false; field: 'lng' | 'lat'; expected: Bilingual };

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
  const expectedLng = { en: 'a longitude in degrees, e.g. 120.2101', zh: '经度（度），如：120.2101' };
  const expectedLat = { en: 'a latitude in degrees, e.g. 30.3418', zh: '纬度（度），如：30.3418' };
  if (lngText.trim() === '') {
    const expected = {
      en: `${expectedLng.en} (纬度 is given, 经度 is empty)`,
      zh: `${expectedLng.zh}（填了纬度，经度却是空的）`,
    };
    return { ok: false, field: 'lng', expected };
  }
  if (latText.trim() === '') {
    const expected = {
      en: `${expectedLat.en} (经度 is given, 纬度 is empty)`,
      zh: `${expectedLat.zh}（填了经度，纬度却是空的）`,
    };
    return { ok: false, field: 'lat', expected };
  }
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
    // Six- and seven-digit numbers are metres of a projected system (Gauss-Krüger), not degrees.
    const metres = Math.abs(lng) > 1000 && Math.abs(lat) > 1000;
    return {
      ok: false,
      field: Math.abs(lng) > 90 || (lng >= 73.4 && lng <= 135.1) ? 'lat' : 'lng',
      expected: metres
        ? {
            en: `longitude and latitude in degrees; (${fmt(lng)}, ${fmt(lat)}) look like projected metres (e.g. CGCS2000 Gauss-Krüger): convert them to degrees first`,
            zh: `以度为单位的经纬度；(${fmt(lng)}, ${fmt(lat)}) 像是投影坐标（米，如 CGCS2000 高斯-克吕格），请先换算为经纬度`,
          }
        : {
            en: `a point in China (longitude 73–135, latitude 18–54); (${fmt(lng)}, ${fmt(lat)}) is outside China`,
            zh: `中国境内的位置（经度 73–135，纬度 18–54）；(${fmt(lng)}, ${fmt(lat)}) 不在中国境内，请核对经纬度`,
          },
    };
  }
  return { ok: true, lngLat: toWgs84(crs)([lng, lat]), swapped };
}

/** What a row whose 经度 and 纬度 were swapped (and read the right way round) is told. */
export function swappedCoordinates(lngText: string, latText: string): Bilingual {
  return {
    en: `经度 and 纬度 the right way round; they were swapped (经度 ${lngText}, 纬度 ${latText}) and have been read the other way`,
    zh: `经度、纬度写反了（经度 ${lngText}，纬度 ${latText}），已按正确顺序读取`,
  };
}
