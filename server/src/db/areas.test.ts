import { describe, expect, it } from 'vitest';
import { emptyTestStore } from '../../../tests/helpers/test-store';
import {
  type AreaFields,
  createArea,
  deleteArea,
  getArea,
  listAreas,
  premiseSummaries,
  updateArea,
} from './areas';
import type { Db } from './open-database';

const fields: AreaFields = {
  name: '丁桥大道沿线',
  reason: 'unlicensed_hotspot',
  note: '无证餐饮集中',
  activeFrom: '2009-01-01',
  activeTo: '2009-12-31',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [120.2, 30.3],
        [120.21, 30.3],
        [120.21, 30.31],
        [120.2, 30.3],
      ],
    ],
  },
};

const auditRows = (db: Db) =>
  db
    .prepare("SELECT action, entity_id, before, after FROM audit_log WHERE entity = 'area' ORDER BY id")
    .all() as {
    action: string;
    entity_id: number;
    before: string | null;
    after: string | null;
  }[];

describe('areas table', () => {
  it('creates, reads, updates and deletes, auditing each write', async () => {
    const db = await emptyTestStore();
    const created = createArea(db, fields, 'tester');
    expect(created).toMatchObject({ ...fields, id: expect.any(Number) });
    expect(getArea(db, created.id)).toEqual(created);
    const updated = updateArea(db, created.id, { ...fields, name: '新名称', activeTo: null });
    expect(updated).toMatchObject({ name: '新名称', activeTo: null });
    expect(listAreas(db)).toHaveLength(1);
    expect(deleteArea(db, created.id)).toBe(true);
    expect(getArea(db, created.id)).toBeNull();
    const log = auditRows(db);
    expect(log.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.parse(log[1].before ?? '').name).toBe('丁桥大道沿线');
    expect(JSON.parse(log[1].after ?? '').name).toBe('新名称');
    expect(JSON.parse(log[2].before ?? '').name).toBe('新名称');
  });

  it('answers null / false for unknown ids and writes no audit row', async () => {
    const db = await emptyTestStore();
    expect(updateArea(db, 42, fields)).toBeNull();
    expect(deleteArea(db, 42)).toBe(false);
    expect(auditRows(db)).toEqual([]);
  });

  it('refuses what the schema forbids, leaving nothing behind', async () => {
    const db = await emptyTestStore();
    expect(() => createArea(db, { ...fields, reason: 'whim' as AreaFields['reason'] })).toThrow(
      /check constraint/i,
    );
    expect(() => createArea(db, { ...fields, name: '  ' })).toThrow(/check constraint/i);
    expect(() => createArea(db, { ...fields, activeFrom: '2010-01-01', activeTo: '2009-01-01' })).toThrow(
      /check constraint/i,
    );
    expect(listAreas(db)).toEqual([]);
    expect(auditRows(db)).toEqual([]);
  });

  it('finds premise summaries by id', async () => {
    const db = await emptyTestStore();
    expect(premiseSummaries(db, [1, 2]).size).toBe(0);
  });
});
