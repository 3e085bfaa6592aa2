import { DEFAULT_ALIASES } from './default-aliases';
import type { AddressPoint, Gazetteer, GazetteerRoad, GazetteerVillage } from './types';

/** A square village, `size` degrees a side, south-west corner at (lng, lat). */
export function squareVillage(
  id: number,
  name: string,
  lng: number,
  lat: number,
  size = 0.01,
): GazetteerVillage {
  return {
    id,
    code: `3301040102${String(id).padStart(2, '0')}`,
    name,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lng, lat],
          [lng + size, lat],
          [lng + size, lat + size],
          [lng, lat + size],
          [lng, lat],
        ],
      ],
    },
  };
}

/**
 * A small made-up township: four villages in a 2 × 2 block (大唐村 and 长睦村 south, 丁桥社区 and
 * 三义村 north, each ~1 km a side), 长睦路 running east along the southern row numbered 1–400, and a
 * few door plates. A fresh object every call: tests never share one.
 */
export function testGazetteer(points: AddressPoint[] = defaultPoints()): Gazetteer {
  const villages = [
    squareVillage(1, '大唐村', 120.2, 30.3),
    squareVillage(2, '长睦村', 120.21, 30.3),
    squareVillage(3, '丁桥社区', 120.2, 30.31),
    squareVillage(4, '三义村', 120.21, 30.31),
  ];
  const road: GazetteerRoad = {
    name: '长睦路',
    line: [
      [120.2, 30.305],
      [120.22, 30.305],
    ],
    fromNumber: 1,
    toNumber: 400,
  };
  return { villages, points, roads: [road], aliases: [...DEFAULT_ALIASES] };
}

export function defaultPoints(): AddressPoint[] {
  return [
    { village: '大唐村', group: 1, number: 23, lngLat: [120.203, 30.302], source: 'import' },
    { village: '大唐村', group: 1, number: 25, lngLat: [120.2032, 30.3021], source: 'import' },
    { village: '大唐村', group: 2, number: 7, lngLat: [120.207, 30.308], source: 'import' },
    {
      village: '丁桥社区',
      estate: '丁桥花园',
      building: 3,
      number: 78,
      lngLat: [120.205, 30.315],
      source: 'import',
    },
    { estate: '丁桥农贸市场', number: 23, lngLat: [120.204, 30.316], source: 'import' },
    { road: '长睦路', number: 88, lngLat: [120.2045, 30.3052], source: 'import' },
  ];
}
