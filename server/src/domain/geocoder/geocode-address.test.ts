import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { geocodeAddress } from './geocode-address';
import { distanceMeters, localFrame } from './local-metres';
import { defaultPoints, testGazetteer } from './test-gazetteer.fixture';

describe('geocodeAddress: address points', () => {
  it('matches a door plate by village, 组 and number, whatever the prefix and numerals', () => {
    const g = testGazetteer();
    for (const address of [
      '大唐村1组23号',
      '杭州市江干区丁桥镇大唐村一组二十三号',
      '上城区丁兰街道 大唐村１组２３号',
    ]) {
      expect(geocodeAddress(address, g)).toEqual({
        lngLat: [120.203, 30.302],
        method: 'address_point',
        confidence: 0.95,
        matchedText: '大唐村1组23号',
        villageInAddress: { id: 1, name: '大唐村' },
        villageAtPoint: { id: 1, name: '大唐村' },
        conflict: false,
      });
    }
  });

  it('matches a plate on a road, in an estate and in a market', () => {
    const g = testGazetteer();
    expect(geocodeAddress('丁桥镇长睦路88号', g)).toMatchObject({
      method: 'address_point',
      lngLat: [120.2045, 30.3052],
    });
    expect(geocodeAddress('丁桥花园3幢78号商铺', g)).toMatchObject({
      method: 'address_point',
      matchedText: '丁桥花园3幢78号',
    });
    expect(geocodeAddress('丁桥社区丁桥花园三幢七十八号', g)).toMatchObject({
      method: 'address_point',
      lngLat: [120.205, 30.315],
    });
    expect(geocodeAddress('丁桥农贸市场23号', g)).toMatchObject({
      method: 'address_point',
      lngLat: [120.204, 30.316],
    });
  });

  it('forgives a typo in the village name, trusting the result a little less', () => {
    expect(geocodeAddress('大堂村1组23号', testGazetteer())).toMatchObject({
      method: 'address_point',
      confidence: 0.85,
      villageInAddress: { id: 1, name: '大唐村' },
    });
  });

  it('settles a typo that is one character from two villages by which one has the door plate', () => {
    const g = testGazetteer();
    expect(geocodeAddress('大睦村1组23号', g)).toMatchObject({
      method: 'address_point',
      villageInAddress: { name: '大唐村' },
    });
    expect(geocodeAddress('大睦村', g)).toMatchObject({ villageInAddress: null, lngLat: null });
  });

  it('takes a plate with the 组 left out only when the number is unique in the village, and sends it to review', () => {
    const g = testGazetteer();
    expect(geocodeAddress('大唐村7号', g)).toMatchObject({
      method: 'address_point',
      confidence: 0.55,
      lngLat: [120.207, 30.308],
    });
  });

  it('matches a former village name through the alias table', () => {
    const g = { ...testGazetteer(), aliases: [...testGazetteer().aliases, { from: '老唐村', to: '大唐村' }] };
    expect(geocodeAddress('老唐村1组23号', g)).toMatchObject({
      method: 'address_point',
      lngLat: [120.203, 30.302],
    });
  });

  it('prefers a person’s correction over an imported plate, in whatever order they come', () => {
    const correction = {
      village: '大唐村',
      group: 1,
      number: 23,
      lngLat: [120.2041, 30.3041] as [number, number],
      source: 'correction' as const,
    };
    for (const points of [
      [...defaultPoints(), correction],
      [correction, ...defaultPoints()],
    ]) {
      expect(geocodeAddress('大唐村1组23号', testGazetteer(points)).lngLat).toEqual([120.2041, 30.3041]);
    }
  });
});

describe('geocodeAddress: road interpolation', () => {
  it('interpolates along a known road, odd numbers on the left', () => {
    const r = geocodeAddress('丁桥镇长睦路101号', testGazetteer());
    expect(r).toMatchObject({
      method: 'road_interpolation',
      confidence: 0.8,
      matchedText: '长睦路101号',
      conflict: false,
    });
    const frame = localFrame([120.2, 30.305]);
    const [x, y] = frame.toXY(r.lngLat as [number, number]);
    const lengthMeters = frame.toXY([120.22, 30.305])[0];
    expect(x).toBeCloseTo((lengthMeters * 100) / 399, 0);
    expect(y).toBeCloseTo(10, 0);
  });

  it('trusts a number beyond the road’s range less', () => {
    expect(geocodeAddress('长睦路999号', testGazetteer())).toMatchObject({
      method: 'road_interpolation',
      confidence: 0.5,
    });
  });

  it('flags a point outside the village the address names', () => {
    const r = geocodeAddress('三义村长睦路101号', testGazetteer());
    expect(r).toMatchObject({
      method: 'road_interpolation',
      villageInAddress: { id: 4, name: '三义村' },
      villageAtPoint: { id: 1, name: '大唐村' },
      conflict: true,
    });
  });
});

describe('geocodeAddress: village fallback', () => {
  it('falls back to a point inside the village, low confidence', () => {
    const g = testGazetteer();
    const r = geocodeAddress('三义村5组12号', g);
    expect(r).toMatchObject({
      method: 'village_fallback',
      confidence: 0.3,
      matchedText: '三义村',
      conflict: false,
    });
    expect(booleanPointInPolygon(r.lngLat as [number, number], g.villages[3].geometry)).toBe(true);
  });

  it('narrows to the 组 when plates there are known', () => {
    const r = geocodeAddress('大唐村1组40号', testGazetteer());
    expect(r).toMatchObject({ method: 'village_fallback', confidence: 0.4, matchedText: '大唐村1组' });
    expect(distanceMeters(r.lngLat as [number, number], [120.2031, 30.30205])).toBeLessThan(30);
  });

  it('finds the community from an estate named after it', () => {
    const r = geocodeAddress('丁桥花园9幢1号', testGazetteer());
    expect(r).toMatchObject({
      method: 'village_fallback',
      villageInAddress: null,
      villageAtPoint: { id: 3, name: '丁桥社区' },
    });
  });

  it('does not stack premises sharing an address when given different seeds', () => {
    const g = testGazetteer();
    const a = geocodeAddress('三义村', g, { spreadSeed: 1 }).lngLat;
    const b = geocodeAddress('三义村', g, { spreadSeed: 2 }).lngLat;
    expect(a).not.toEqual(b);
    expect(geocodeAddress('三义村', g, { spreadSeed: 1 }).lngLat).toEqual(a);
  });
});

describe('geocodeAddress: no match', () => {
  it('answers null with zero confidence when nothing is known', () => {
    expect(geocodeAddress('火星路1号', testGazetteer())).toEqual({
      lngLat: null,
      method: null,
      confidence: 0,
      matchedText: '',
      villageInAddress: null,
      villageAtPoint: null,
      conflict: false,
    });
  });

  it('does not take a numeral inside a name for a door number', () => {
    const g = testGazetteer();
    expect(geocodeAddress('三义村三组', g)).toMatchObject({
      villageInAddress: { name: '三义村' },
      method: 'village_fallback',
    });
  });
});
