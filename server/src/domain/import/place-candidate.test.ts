import { describe, expect, it } from 'vitest';
import { day } from '../dates';
import type { GeocodeResult } from '../geocoder/types';
import { placeCandidate } from './place-candidate';
import type { PremiseCandidate } from './premise-candidate';
import { VillageMatcher } from './village-matcher';

const square = (x: number, y: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ],
  ],
});
const villages = new VillageMatcher([
  { id: 1, code: '330104010208', name: '大唐村', geometry: square(120.2, 30.3) },
  { id: 2, code: '330104010002', name: '丁桥社区', geometry: square(120.21, 30.3) },
]);
const candidate = (over: Partial<PremiseCandidate> = {}): PremiseCandidate => ({
  rowNo: 4,
  archiveNo: null,
  name: '店',
  operator: null,
  phone: null,
  idNumber: null,
  address: '丁桥镇大唐村1组23号',
  villageText: null,
  villageCode: null,
  category: 'grocery',
  lngLat: null,
  crs: 'WGS84',
  geocodeMethod: null,
  keyObject: false,
  areaM2: null,
  staff: null,
  notes: null,
  surveyDay: day('2008-03-01'),
  licences: [],
  ...over,
});
const geocoded = (lngLat: [number, number] | null, confidence: number): GeocodeResult => ({
  lngLat,
  method: lngLat ? 'road_interpolation' : null,
  confidence,
  matchedText: '大唐村1组',
  villageInAddress: null,
  villageAtPoint: null,
  conflict: false,
});

describe('placeCandidate', () => {
  it('takes the village by name without 村, and the point as given', () => {
    const r = placeCandidate(candidate({ villageText: '大唐', lngLat: [120.205, 30.305] }), villages, null);
    expect(r.placement).toMatchObject({
      villageId: 1,
      lngLat: [120.205, 30.305],
      method: 'manual',
      confidence: null,
    });
  });
  it('takes the village by its code', () => {
    expect(
      placeCandidate(candidate({ villageCode: '330104010002', lngLat: [120.215, 30.305] }), villages, null)
        .placement?.villageId,
    ).toBe(2);
  });
  it('finds the village from the point when the row names none', () => {
    expect(
      placeCandidate(candidate({ lngLat: [120.215, 30.305] }), villages, null).placement?.villageId,
    ).toBe(2);
  });
  it('keeps the village written but warns when the point lies in another', () => {
    const r = placeCandidate(candidate({ villageText: '大唐村', lngLat: [120.215, 30.305] }), villages, null);
    expect(r.placement).toMatchObject({ villageId: 1, conflict: true });
    expect(r.warnings[0].expected).toMatch(/lies in 丁桥社区. Kept 大唐村/);
    expect(r.warnings[0].expectedZh).toBe(
      '与位置一致的村（社区）；位置 (120.215, 30.305) 在丁桥社区，已按填写的大唐村保留',
    );
  });
  it('geocodes a row without coordinates and queues low confidence for review', () => {
    const r = placeCandidate(candidate(), villages, () => geocoded([120.205, 30.305], 0.5));
    expect(r.placement).toMatchObject({ villageId: 1, method: 'road_interpolation', confidence: 0.5 });
    expect(r.warnings[0].expected).toMatch(/review queue/);
    expect(r.warnings[0].expectedZh).toBe(
      '地名库能准确匹配的地址；此行按道路门牌推算定位，置信度 0.50：请到“待定位”中核对',
    );
  });
  it('falls back to the middle of the village named when the geocoder finds nothing', () => {
    const r = placeCandidate(candidate({ villageText: '丁桥社区' }), villages, () => geocoded(null, 0));
    expect(r.placement).toMatchObject({ villageId: 2, method: 'village_fallback' });
    expect(villages.atPoint(...(r.placement?.lngLat ?? [0, 0]))?.id).toBe(2);
  });
  it('refuses a row nothing places', () => {
    const r = placeCandidate(candidate(), villages, () => geocoded(null, 0));
    expect(r.errors[0]).toMatchObject({
      column: '地址',
      expected: expect.stringMatching(/nothing in this row says where it is/),
      expectedZh: '地名库能定位的地址，或经度/纬度，或所属村（社区）：这一行没有能确定位置的内容',
    });
  });
  it('refuses a village the township does not have', () => {
    expect(
      placeCandidate(candidate({ villageText: '火星村', lngLat: [120.205, 30.305] }), villages, null)
        .errors[0].expected,
    ).toMatch(/大唐村、丁桥社区/);
  });
});
