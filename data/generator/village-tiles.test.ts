import { area, bbox, difference, featureCollection, intersect, union } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate-demo';

const demo = generateDemo({ premises: 0 });
const township = demo.townships.features[0];
const villages = demo.villages.features;

describe('villages tile the township', () => {
  it('has village areas that add up to the township area', () => {
    const sum = villages.reduce((total, v) => total + area(v), 0);
    expect(Math.abs(sum - area(township)) / area(township)).toBeLessThan(0.001);
  });

  it('has neighbours that meet only along their borders', () => {
    for (let i = 0; i < villages.length; i++) {
      for (let j = i + 1; j < villages.length; j++) {
        const [ax0, ay0, ax1, ay1] = bbox(villages[i]);
        const [bx0, by0, bx1, by1] = bbox(villages[j]);
        if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) continue;
        const overlap = intersect(featureCollection([villages[i], villages[j]]));
        expect(
          overlap ? area(overlap) : 0,
          `${villages[i].properties.name} × ${villages[j].properties.name}`,
        ).toBeLessThan(1);
      }
    }
  });

  it('leaves no part of the township outside every village', () => {
    const all = union(featureCollection(villages));
    expect(all).not.toBeNull();
    const gap = all ? difference(featureCollection([township, all])) : township;
    expect(gap ? area(gap) : 0).toBeLessThan(area(township) * 0.001);
  });

  it('is a township of about 30 km² with an irregular outline', () => {
    const km2 = area(township) / 1e6;
    expect(km2).toBeGreaterThan(25);
    expect(km2).toBeLessThan(35);
    expect(township.geometry.coordinates[0].length).toBeGreaterThan(40);
  });
});
