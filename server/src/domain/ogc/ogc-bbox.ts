import { InvalidParameter } from './invalid-parameter';

/** A box in CRS84 (longitude, latitude): [minLng, minLat, maxLng, maxLat]. */
export type Box = readonly [number, number, number, number];

const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * The OGC `bbox` parameter (CRS84): `minLng,minLat,maxLng,maxLat`, or six numbers with heights
 * (ignored). As the standard says, a box whose west edge is east of its east edge crosses the
 * antimeridian, so it comes back as two boxes. Throws InvalidParameter on anything malformed.
 */
export function parseBbox(text: string): Box[] {
  const parts = text.split(',');
  if ((parts.length !== 4 && parts.length !== 6) || !parts.every((p) => NUMBER.test(p))) {
    throw new InvalidParameter(
      `bbox: expected four numbers 'minLng,minLat,maxLng,maxLat' in CRS84 (or six with heights), got '${text}'`,
      `bbox：应为 CRS84 下的四个数 '最小经度,最小纬度,最大经度,最大纬度'（或带高程的六个数），收到 '${text}'`,
    );
  }
  const n = parts.map(Number);
  const [minLng, minLat, maxLng, maxLat] = parts.length === 4 ? n : [n[0], n[1], n[3], n[4]];
  if ([minLng, maxLng].some((x) => Math.abs(x) > 180) || [minLat, maxLat].some((y) => Math.abs(y) > 90)) {
    throw new InvalidParameter(
      `bbox: '${text}' is outside longitude ±180 / latitude ±90`,
      `bbox：'${text}' 超出经度 ±180 / 纬度 ±90 的范围`,
    );
  }
  if (minLat > maxLat)
    throw new InvalidParameter(
      `bbox: the south edge ${minLat} is north of the north edge ${maxLat}`,
      `bbox：南边界 ${minLat} 在北边界 ${maxLat} 之北`,
    );
  if (minLng <= maxLng) return [[minLng, minLat, maxLng, maxLat]];
  return [
    [minLng, minLat, 180, maxLat],
    [-180, minLat, maxLng, maxLat],
  ];
}
