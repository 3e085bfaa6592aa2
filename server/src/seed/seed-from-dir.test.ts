import { describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../../tests/helpers/test-app';
import { openDatabase } from '../db/open-database';
import { seedFromDir } from './seed-from-dir';

const schemaObjects = (db: ReturnType<typeof openDatabase>) =>
  db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name",
    )
    .all();

describe('seeding a township from files (bulk load)', () => {
  it('puts back every index and trigger it set aside, and counts every row as the triggers would', async () => {
    const db = openDatabase(':memory:');
    const before = schemaObjects(db);
    const { premises, events } = await seedFromDir(db, DEMO_DIR);
    expect(premises).toBeGreaterThan(0);
    expect(schemaObjects(db)).toEqual(before);
    const meta = Object.fromEntries(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [
        r.key,
        r.value,
      ]),
    );
    expect(meta.data_version).toBe(String(premises + events));
    expect(meta.contacts_version).toBe(String(premises));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The unique archive number holds again: a second premise with a used one is refused.
    const archiveNo = db.prepare('SELECT archive_no FROM premises LIMIT 1').pluck().get();
    expect(() =>
      db
        .prepare(
          `INSERT INTO premises (archive_no, name, address, village_id, category, lng, lat, crs, geocode_method)
           SELECT ?, name, address, village_id, category, lng, lat, crs, geocode_method FROM premises LIMIT 1`,
        )
        .run(archiveNo),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
