import { describe, expect, it } from 'vitest';
import { demoApp } from '../../../tests/helpers/test-app';
import { addressPointInserter, currentGazetteer, loadGazetteer } from './gazetteer';

describe('loadGazetteer', () => {
  it("holds the villages with their seats, the township's region names and the named roads", async () => {
    const { db } = await demoApp();
    const g = loadGazetteer(db);
    expect(g.villages).toHaveLength(16);
    expect(g.villages.every((v) => v.seat !== undefined)).toBe(true);
    expect(g.region).toEqual(expect.arrayContaining(['江干区', '上城区', '丁桥镇', '丁兰街道']));
    expect(new Set(g.roads.map((r) => r.name))).toContain('丁桥大道');
  });

  it('fits each road’s numbers to the premises located along it', async () => {
    const { db } = await demoApp();
    const road = loadGazetteer(db).roads.find((r) => r.name === '长睦路');
    // The demo numbers two doors per 22 m: a 5.2 km road runs to about 470.
    expect(road?.fromNumber).toBeLessThan(10);
    expect(road?.toNumber).toBeGreaterThan(440);
    expect(road?.toNumber).toBeLessThan(500);
  });

  it('takes premises matched to a plate or placed by hand as plates, then the address_points table', async () => {
    const { db } = await demoApp();
    const before = loadGazetteer(db).points.length;
    expect(before).toBeGreaterThan(600);
    addressPointInserter(db)({
      village: '沿山村',
      group: 9,
      number: 88,
      lngLat: [120.2482, 30.3769],
      source: 'import',
    });
    const g = loadGazetteer(db);
    expect(g.points).toHaveLength(before + 1);
    expect(g.points.at(-1)).toEqual({
      village: '沿山村',
      group: 9,
      number: 88,
      lngLat: [120.2482, 30.3769],
      source: 'import',
    });
  });
});

describe('currentGazetteer', () => {
  it('reuses the gazetteer until the record changes', async () => {
    const { db } = await demoApp();
    const first = currentGazetteer(db);
    expect(currentGazetteer(db)).toBe(first);
    db.prepare('UPDATE premises SET lng = lng + 0.001 WHERE id = 1').run();
    expect(currentGazetteer(db)).not.toBe(first);
  });
});
