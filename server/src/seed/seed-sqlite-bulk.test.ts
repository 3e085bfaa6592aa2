import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// SQLite's side of the bulk load: its indexes and triggers set aside and put back, the connection's
// settings and journal. What the load reads and refuses is tested on both stores in seed-from-dir.test.ts.
describe('seeding a township from files into SQLite (bulk load)', () => {
  it('puts back every index and trigger it set aside, and counts every row as the triggers would', async () => {
    const db = openDatabase(':memory:');
    const before = schemaObjects(db);
    const cacheSize = db.pragma('cache_size', { simple: true });
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
    // The connection's own settings are back: foreign keys checked, its page cache.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);
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
    // The times written with the rows read as the columns' own default writes them.
    const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
    const [premise] = db.prepare('SELECT created_at, updated_at FROM premises LIMIT 1').all() as {
      created_at: string;
      updated_at: string;
    }[];
    expect(premise.created_at).toMatch(stamp);
    expect(premise.updated_at).toBe(premise.created_at);
    expect(db.prepare('SELECT created_at FROM events LIMIT 1').pluck().get()).toBe(premise.created_at);
    const defaults = db.prepare(`SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`).pluck().get() as string;
    expect(defaults).toMatch(stamp);
    db.close();
  });

  it('loads a record on disk without its write-ahead log and leaves it in WAL, loaded or refused', async () => {
    const work = mkdtempSync(join(tmpdir(), 'seed-file-'));
    try {
      const file = join(work, 'record.sqlite');
      const db = openDatabase(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const { premises } = await seedFromDir(db, DEMO_DIR);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(existsSync(`${file}-journal`)).toBe(false);
      db.close();
      const again = openDatabase(file);
      expect(again.prepare('SELECT count(*) FROM premises').pluck().get()).toBe(premises);
      again.close();

      // A load that fails half-way rolls back from its journal: the record on disk is as it was.
      const dir = join(work, 'broken');
      cpSync(DEMO_DIR, dir, { recursive: true });
      const events = readFileSync(join(dir, 'events.csv'), 'utf8');
      writeFileSync(join(dir, 'events.csv'), `${events}NO-SUCH-PREMISE,2009-01-01,surveyed,,,,,,,\n`);
      const other = join(work, 'other.sqlite');
      const fresh = openDatabase(other);
      await expect(seedFromDir(fresh, dir)).rejects.toThrow(/NO-SUCH-PREMISE/);
      expect(fresh.pragma('journal_mode', { simple: true })).toBe('wal');
      fresh.close();
      const reopened = openDatabase(other);
      expect(reopened.prepare('SELECT count(*) FROM premises').pluck().get()).toBe(0);
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
      reopened.close();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("puts the connection's foreign keys back when a load is refused", async () => {
    const work = mkdtempSync(join(tmpdir(), 'seed-refused-'));
    try {
      cpSync(DEMO_DIR, work, { recursive: true });
      // Refused half-way through the records, with foreign keys off for the load.
      const events = readFileSync(join(work, 'events.csv'), 'utf8');
      writeFileSync(join(work, 'events.csv'), `${events}NO-SUCH-PREMISE,2009-01-01,surveyed,,,,,,,\n`);
      const db = openDatabase(':memory:');
      await expect(seedFromDir(db, work)).rejects.toThrow(/NO-SUCH-PREMISE/);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.close();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
