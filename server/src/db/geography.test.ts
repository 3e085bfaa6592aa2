import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getVillage, insertTownship, insertVillage, listTownships, listVillages } from './geography';
import { openDatabase } from './open-database';

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

const village = (code: string, townshipId: number, x: number) => ({
  code,
  name: `${code}村`,
  kind: 'village' as const,
  townshipId,
  areaKm2: 1,
  fringe: false,
  pilot: false,
  geometry: square(x, 30.3),
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A record in a file (so a second connection can write to it) with one township and one village. */
function record() {
  const dir = mkdtempSync(join(tmpdir(), 'geography-'));
  dirs.push(dir);
  const file = join(dir, 'record.sqlite');
  const db = openDatabase(file);
  const townshipId = insertTownship(db, { code: '330100001', name: '某镇', geometry: square(120, 30) });
  insertVillage(db, village('330100001001', townshipId, 120.2));
  return { db, file, townshipId };
}

describe('the townships and villages, parsed once and kept until they change', () => {
  it('reads and parses them once while nothing changes', () => {
    const { db } = record();
    listVillages(db);
    listTownships(db);
    const prepare = vi.spyOn(db, 'prepare');
    for (let i = 0; i < 3; i++) {
      expect(listVillages(db)).toHaveLength(1);
      expect(listTownships(db)).toHaveLength(1);
      expect(getVillage(db, listVillages(db)[0].id)?.name).toBe('330100001001村');
    }
    expect(prepare).not.toHaveBeenCalled();
    db.close();
  });

  it('sees a write through this connection, and the commit of another connection (the CLI, a restore)', () => {
    const { db, file, townshipId } = record();
    expect(listVillages(db)).toHaveLength(1);
    insertVillage(db, village('330100001002', townshipId, 120.3));
    expect(listVillages(db).map((v) => v.code)).toEqual(['330100001001', '330100001002']);

    const cli = new Database(file);
    cli
      .prepare('UPDATE villages SET name = ?, geometry = ? WHERE code = ?')
      .run('新名村', JSON.stringify(square(121, 31)), '330100001002');
    cli.close();
    const [, renamed] = listVillages(db);
    expect(renamed.name).toBe('新名村');
    expect(renamed.geometry).toEqual(square(121, 31));
    db.close();
  });

  it('never keeps what a transaction wrote and then rolled back', () => {
    const { db, townshipId } = record();
    expect(listVillages(db)).toHaveLength(1);
    expect(() =>
      db.transaction(() => {
        insertVillage(db, village('330100001003', townshipId, 120.4));
        expect(listVillages(db)).toHaveLength(2);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(listVillages(db)).toHaveLength(1);
    db.close();
  });

  it('shares the boundaries frozen, and gives each caller rows of its own', () => {
    const { db } = record();
    const [first] = listVillages(db);
    first.name = 'changed by a caller';
    expect(listVillages(db)[0].name).toBe('330100001001村');
    expect(() => {
      (first.geometry as GeoJSON.Polygon).coordinates[0][0][0] = 0;
    }).toThrow(TypeError);
    db.close();
  });
});
