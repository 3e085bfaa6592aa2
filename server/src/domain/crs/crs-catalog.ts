/**
 * The coordinate systems an import may come in: longitude/latitude (WGS-84 and CGCS2000, which
 * differ by centimetres), the Chinese web-map offsets (GCJ-02, BD-09), Web Mercator and the
 * CGCS2000 Gauss-Krüger zones land-bureau data uses.
 */
export type CrsKind = 'geographic' | 'gcj02' | 'bd09' | 'projected';

export interface Crs {
  /** Stable code: WGS84, CGCS2000, GCJ02, BD09 or EPSG:nnnn. */
  code: string;
  name: string;
  kind: CrsKind;
  /** proj4 definition, for projected systems. */
  proj4?: string;
}

export const WGS84: Crs = { code: 'WGS84', name: 'WGS-84 经纬度', kind: 'geographic' };
export const CGCS2000: Crs = { code: 'CGCS2000', name: 'CGCS2000 经纬度', kind: 'geographic' };
export const GCJ02: Crs = { code: 'GCJ02', name: 'GCJ-02（高德、腾讯等网络地图）', kind: 'gcj02' };
export const BD09: Crs = { code: 'BD09', name: 'BD-09（百度地图）', kind: 'bd09' };
const WEB_MERCATOR: Crs = {
  code: 'EPSG:3857',
  name: 'Web Mercator (EPSG:3857)',
  kind: 'projected',
  proj4:
    '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
};

/** The systems a premise list's 经度/纬度 may be in. */
export const POINT_CRS = [WGS84, CGCS2000, GCJ02, BD09] as const;

function gaussKruger(
  code: number,
  centralMeridian: number,
  falseEasting: number,
  width: 3 | 6,
  zone?: number,
): Crs {
  const label = zone === undefined ? `CM ${centralMeridian}E` : `zone ${zone}`;
  return {
    code: `EPSG:${code}`,
    name: `CGCS2000 / ${width}-degree Gauss-Kruger ${label} (EPSG:${code})`,
    kind: 'projected',
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`,
  };
}

/** Every CGCS2000 Gauss-Krüger zone of EPSG: 3-degree (4513–4554) and 6-degree (4491–4512). */
function gaussKrugerZones(): Crs[] {
  const out: Crs[] = [];
  for (let zone = 25; zone <= 45; zone++)
    out.push(gaussKruger(4488 + zone, zone * 3, zone * 1e6 + 5e5, 3, zone));
  for (let cm = 75; cm <= 135; cm += 3) out.push(gaussKruger(4534 + (cm - 75) / 3, cm, 5e5, 3));
  for (let zone = 13; zone <= 23; zone++)
    out.push(gaussKruger(4478 + zone, zone * 6 - 3, zone * 1e6 + 5e5, 6, zone));
  for (let cm = 75; cm <= 135; cm += 6) out.push(gaussKruger(4502 + (cm - 75) / 6, cm, 5e5, 6));
  return out;
}

const BY_CODE = new Map<string, Crs>(
  [WGS84, CGCS2000, GCJ02, BD09, WEB_MERCATOR, ...gaussKrugerZones()].map((c) => [c.code, c]),
);

const ALIASES: [RegExp, Crs][] = [
  [/^(wgs[-_ ]?84|gps)$/i, WGS84],
  [/^(cgcs[-_ ]?2000|国家2000|2000国家大地坐标系|大地2000)$/i, CGCS2000],
  [/^(gcj[-_ ]?0?2|火星坐标?|高德|腾讯|国测局)$/i, GCJ02],
  [/^(bd[-_ ]?0?9|百度|百度坐标)$/i, BD09],
];

/**
 * The coordinate system a person or a column named: 'WGS84', 'gcj-02', '百度', 'EPSG:4549',
 * '4528'… or null when it is none we know.
 */
export function parseCrs(text: string): Crs | null {
  const t = text.trim();
  if (t === '') return null;
  for (const [pattern, crs] of ALIASES) if (pattern.test(t)) return crs;
  const epsg = /^(?:epsg)?[:\s]*(\d{4,5})$/i.exec(t);
  if (epsg) return crsByEpsg(Number(epsg[1]));
  return null;
}

/** The catalogued system with this EPSG number, if any. */
export function crsByEpsg(code: number): Crs | null {
  if (code === 4326) return WGS84;
  if (code === 4490) return CGCS2000;
  return BY_CODE.get(`EPSG:${code}`) ?? null;
}

/** The 3-degree CGCS2000 Gauss-Krüger system without zone prefix whose central meridian is nearest `lng`. */
export function gaussKrugerForLongitude(lng: number): Crs {
  const cm = Math.min(135, Math.max(75, Math.round(lng / 3) * 3));
  return BY_CODE.get(`EPSG:${4534 + (cm - 75) / 3}`) as Crs;
}

/** The CGCS2000 Gauss-Krüger system for a zone prefix (25–45: 3-degree, 13–23: 6-degree), if any. */
export function gaussKrugerForZone(zone: number): Crs | null {
  if (zone >= 25 && zone <= 45) return BY_CODE.get(`EPSG:${4488 + zone}`) ?? null;
  if (zone >= 13 && zone <= 23) return BY_CODE.get(`EPSG:${4478 + zone}`) ?? null;
  return null;
}

export const webMercator = WEB_MERCATOR;
