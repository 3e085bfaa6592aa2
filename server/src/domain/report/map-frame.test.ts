import { describe, expect, it } from 'vitest';
import { mapFrame, padBbox, projectLine } from './map-frame';
import { scaleBar } from './scale-bar';

describe('scaleBar', () => {
  it('takes the longest 1, 2 or 5 × 10ⁿ metres that fits', () => {
    expect(scaleBar(10, 120)).toEqual({ meters: 1000, pixels: 100, label: '1 km' });
    expect(scaleBar(3, 120)).toEqual({ meters: 200, pixels: 200 / 3, label: '200 m' });
    expect(scaleBar(50, 120).label).toBe('5 km');
  });
});

describe('mapFrame', () => {
  const box = { x: 10, y: 20, width: 400, height: 200 };
  const bbox: [number, number, number, number] = [120.1, 30.2, 120.3, 30.4];

  it('draws north up and east right, centred in the box, inside it', () => {
    const f = mapFrame(bbox, box);
    const [west, north] = f.project(120.1, 30.4);
    const [east, south] = f.project(120.3, 30.2);
    expect(east).toBeGreaterThan(west);
    expect(south).toBeGreaterThan(north);
    expect((west + east) / 2).toBeCloseTo(box.x + box.width / 2, 6);
    expect(north).toBeCloseTo(box.y, 6);
    expect(south).toBeCloseTo(box.y + box.height, 6);
  });

  it('knows the ground size of a drawing unit (a degree of latitude is about 111 km)', () => {
    const f = mapFrame(bbox, box);
    const [, top] = f.project(120.2, 30.4);
    const [, bottom] = f.project(120.2, 30.2);
    const metersAlongY = (bottom - top) * f.metersPerUnit;
    expect(metersAlongY).toBeGreaterThan(0.2 * 111_000 * 0.97);
    expect(metersAlongY).toBeLessThan(0.2 * 111_000 * 1.03);
  });

  it('pads a bbox, and keeps a point-sized one from collapsing', () => {
    expect(padBbox(bbox, 0.1).map((v) => Number(v.toFixed(6)))).toEqual([120.08, 30.18, 120.32, 30.42]);
    const [w, s, e, n] = padBbox([120, 30, 120, 30], 0.1);
    expect(e - w).toBeGreaterThan(0.002);
    expect(n - s).toBeGreaterThan(0.002);
  });

  it('drops the points of a line nearer than the limit to the last kept one, keeping the ends', () => {
    const f = mapFrame(bbox, box);
    const line = Array.from({ length: 1001 }, (_, i) => [120.1 + (0.2 * i) / 1000, 30.3]);
    const drawn = projectLine(f, line, 1);
    expect(drawn.length).toBeLessThan(250);
    expect(drawn[0]).toEqual(f.project(120.1, 30.3));
    expect(drawn.at(-1)).toEqual(f.project(120.3, 30.3));
  });
});
