import { describe, expect, it } from 'vitest';
import { regionNames } from '../region';
import { geocodeAddress, readAddress } from './geocode-address';
import { squareVillage } from './test-gazetteer.fixture';
import type { AddressPoint, Gazetteer } from './types';

/**
 * A township whose names are hard on a parser (numerals in names, 新村村, a village sharing the
 * township's stem), set up with its own region: 浙江省杭州市钱塘区 (formerly 江干区) 石塘镇.
 */
function shitang(points: AddressPoint[] = []): Gazetteer {
  const villages = [
    squareVillage(1, '五星村', 120.44, 30.28),
    squareVillage(2, '八一村', 120.45, 30.28),
    squareVillage(3, '新村村', 120.46, 30.28),
    squareVillage(4, '石塘村', 120.44, 30.29),
    squareVillage(5, '三堡社区', 120.45, 30.29),
    squareVillage(6, '七甲村', 120.46, 30.29),
  ];
  const region = regionNames({
    province: '浙江省',
    city: '杭州市',
    district: '钱塘区',
    districtOtherNames: ['江干区'],
    township: '石塘镇',
    townshipOtherNames: [],
  });
  return { villages, points, roads: [], aliases: [], region };
}

const plate = (village: string, group: number, number: number, lngLat: [number, number]): AddressPoint => ({
  village,
  group,
  number,
  lngLat,
  source: 'import',
});

/** 五星村 numbers its houses across the village (no number in two 组); 八一村 starts again in each 组. */
const PLATES: AddressPoint[] = [
  ...Array.from({ length: 10 }, (_, i) =>
    plate('五星村', 1 + Math.floor(i / 5), 10 + i, [120.441 + i * 0.0005, 30.281]),
  ),
  plate('八一村', 6, 13, [120.452, 30.282]),
  plate('八一村', 1, 12, [120.453, 30.283]),
  plate('八一村', 2, 12, [120.454, 30.284]),
  plate('新村村', 8, 160, [120.462, 30.285]),
  plate('石塘村', 1, 2, [120.442, 30.292]),
  { road: '石塘大道', number: 101, lngLat: [120.44, 30.295], source: 'import' },
  { road: '石塘大道', number: 121, lngLat: [120.45, 30.295], source: 'import' },
];

describe('geocoding addresses as a real township writes them', () => {
  const g = shitang(PLATES);

  it('strips the township’s own chain, old district name and 镇/街道 alike, and full-width digits and spaces', () => {
    for (const address of [
      '浙江省杭州市钱塘区石塘镇五星村1组12号',
      '杭州市江干区石塘镇五星村1组12号',
      '浙江杭州钱塘石塘镇五星村１组１２号',
      '钱塘区石塘街道 五星村 1组 12号',
    ]) {
      expect(geocodeAddress(address, g), address).toMatchObject({
        method: 'address_point',
        villageInAddress: { name: '五星村' },
      });
    }
  });

  it('keeps numerals that are part of a name, even when the 村 is left off before the 组', () => {
    expect(readAddress('石塘镇八一六组13号', g).parsed).toMatchObject({
      village: '八一',
      group: 6,
      number: 13,
    });
    expect(geocodeAddress('石塘镇八一六组13号', g)).toMatchObject({
      method: 'address_point',
      lngLat: [120.452, 30.282],
    });
    expect(readAddress('五星村三组十二号', g).parsed).toMatchObject({
      village: '五星村',
      group: 3,
      number: 12,
    });
  });

  it('reads 新村村 whole, and 新村 for it, and never cuts at the first 村', () => {
    expect(readAddress('石塘镇新村村8组160号', g).parsed).toMatchObject({ village: '新村村', group: 8 });
    expect(geocodeAddress('新村村第八组160号', g).villageInAddress?.name).toBe('新村村');
    expect(geocodeAddress('新村8组160号', g).villageInAddress?.name).toBe('新村村');
  });

  it('tells the village 石塘村 from the township 石塘镇', () => {
    expect(geocodeAddress('石塘镇石塘村1组2号', g)).toMatchObject({
      method: 'address_point',
      lngLat: [120.442, 30.292],
    });
  });

  it('does not place a same-named township of another county, nor another township’s village', () => {
    for (const [address, foreign] of [
      ['浙江省台州市温岭市石塘镇五星村1组12号', '台州市'],
      ['温岭市石塘镇五星村1组12号', '温岭市'],
      ['萧山区瓜沥镇五星村1组12号', '萧山区'],
      ['瓜沥镇五星村1组12号', '瓜沥镇'],
    ]) {
      expect(geocodeAddress(address, g), address).toMatchObject({ lngLat: null, foreign });
    }
    // A market or an estate is not an administrative name.
    expect(readAddress('石塘农贸市场12号', g).foreign).toBeUndefined();
    expect(readAddress('江景小区3幢5号', g).foreign).toBeUndefined();
  });

  it('takes the number alone where numbers run across the village, not where they start again in each 组', () => {
    expect(geocodeAddress('五星村12号', g)).toMatchObject({ method: 'address_point', confidence: 0.9 });
    expect(geocodeAddress('五星村2组12号', g)).toMatchObject({
      method: 'address_point',
      lngLat: [120.442, 30.281],
    });
    expect(geocodeAddress('八一村12号', g).method).not.toBe('address_point');
  });

  it('settles a two-character typo (五兴 for 五星) only when the door plate confirms it', () => {
    expect(geocodeAddress('石塘镇五兴1组12号', g)).toMatchObject({
      method: 'address_point',
      villageInAddress: { name: '五星村' },
    });
    expect(geocodeAddress('石塘镇五兴1组99号', g).villageInAddress).toBeNull();
  });

  it('places a number on a road between its known plates, and reads a road that looks like a township', () => {
    const r = geocodeAddress('钱塘区石塘镇石塘大道111号', g);
    expect(r.method).toBe('road_interpolation');
    expect(r.lngLat?.[0]).toBeCloseTo(120.445, 6);
    expect(readAddress('石塘大道111号', g).parsed.road).toBe('石塘大道');
    expect(geocodeAddress('江干区石塘镇石塘大道一百一十一', g).lngLat?.[0]).toBeCloseTo(120.445, 6);
  });
});
