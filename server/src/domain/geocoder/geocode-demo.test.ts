import { describe, expect, it } from 'vitest';
import { demoGazetteer, demoPremises } from '../../../../tests/helpers/demo-gazetteer';
import { geocodeAddress } from './geocode-address';
import { distanceMeters } from './local-metres';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/**
 * Every demo premise's address, as people wrote it, against a gazetteer of the demo villages, the
 * named roads and door plates for half the premises (road ranges fitted from those plates).
 */
describe('geocoding the demo survey list', () => {
  const premises = demoPremises();
  const { gazetteer, sampled } = demoGazetteer(0.5);
  const results = premises.map((p) => ({ p, r: geocodeAddress(p.address, gazetteer) }));

  it('finds a point for every address', () => {
    expect(results.filter(({ r }) => r.lngLat === null).map(({ p }) => p.address)).toEqual([]);
  });

  it('puts at least 95 % in the right village', () => {
    const right = results.filter(({ p, r }) => r.villageAtPoint?.name === p.village).length;
    expect(right / results.length).toBeGreaterThanOrEqual(0.95);
  });

  it('is close: median error a few metres overall, tens of metres by road interpolation', () => {
    const errors = results.map(({ p, r }) => distanceMeters(r.lngLat as [number, number], p.lngLat));
    expect(median(errors)).toBeLessThan(25);
    const interpolated = results
      .filter(({ r }) => r.method === 'road_interpolation')
      .map(({ p, r }) => distanceMeters(r.lngLat as [number, number], p.lngLat));
    expect(interpolated.length).toBeGreaterThan(100);
    expect(median(interpolated)).toBeLessThan(30);
  });

  it('holds up on the addresses whose plates it was not given', () => {
    const unseen = results.filter(({ p }) => !sampled.has(p.archiveNo));
    expect(unseen.length).toBeGreaterThan(400);
    const right = unseen.filter(({ p, r }) => r.villageAtPoint?.name === p.village).length;
    expect(right / unseen.length).toBeGreaterThanOrEqual(0.95);
    expect(
      median(unseen.map(({ p, r }) => distanceMeters(r.lngLat as [number, number], p.lngLat))),
    ).toBeLessThan(200);
  });

  it('flags every point it put outside the village the address names (建塘村华鹤巷69号 interpolated into 华鹤社区)', () => {
    const misplaced = results.filter(
      ({ p, r }) => r.villageInAddress?.name === p.village && r.villageAtPoint?.name !== p.village,
    );
    expect(misplaced.every(({ r }) => r.conflict)).toBe(true);
    expect(results.find(({ p }) => p.address === '建塘村华鹤巷69号')?.r.conflict).toBe(true);
    expect(results.filter(({ r }) => r.conflict).length).toBeLessThan(results.length * 0.02);
  });
});
