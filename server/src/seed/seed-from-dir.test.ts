import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
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
});

describe('seeding reads the files as they are written', () => {
  const work = mkdtempSync(join(tmpdir(), 'seed-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds every premise and record of the CSV files, field for field (read again by another parser)', async () => {
    const db = openDatabase(':memory:');
    const { premises, events } = await seedFromDir(db, DEMO_DIR);
    const rows = parse(readFileSync(join(DEMO_DIR, 'premises.csv')), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const records = parse(readFileSync(join(DEMO_DIR, 'events.csv')), {
      columns: true,
      bom: true,
    }) as unknown[];
    expect(premises).toBe(rows.length);
    expect(events).toBe(records.length);
    const stored = new Map(
      (
        db.prepare('SELECT archive_no, name, address, operator, phone FROM premises').all() as {
          archive_no: string;
          name: string;
          address: string;
          operator: string | null;
          phone: string | null;
        }[]
      ).map((p) => [p.archive_no, p]),
    );
    for (const r of rows) {
      const p = stored.get(r.档案编号);
      expect(p?.name).toBe(r.名称);
      expect(p?.address).toBe(r.地址);
      expect(p?.operator ?? '').toBe(r.经营者.trim() === '' ? '' : r.经营者);
      expect(p?.phone ?? '').toBe(r.联系电话.trim() === '' ? '' : r.联系电话);
    }
    db.close();
  });

  /** A copy of the demo's files with one of them changed, seeded into an empty record. */
  async function seedChanged(file: string, change: (text: string) => string) {
    const dir = mkdtempSync(join(work, 'dir-'));
    cpSync(DEMO_DIR, dir, { recursive: true });
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
    const db = openDatabase(':memory:');
    const seeding = seedFromDir(db, dir);
    return { db, seeding };
  }

  it('reads a quoted name with a comma and quotes in it as the survey list wrote it', async () => {
    const { db, seeding } = await seedChanged('premises.csv', (t) =>
      t.replace(/\n([^,\n]+),[^,\n]+,/, '\n$1,"张记,""老字号""小吃",'),
    );
    await seeding;
    expect(db.prepare('SELECT name FROM premises ORDER BY id LIMIT 1').pluck().get()).toBe(
      '张记,"老字号"小吃',
    );
    db.close();
  });

  it('refuses a broken file with a message naming it and the row, and keeps nothing of it', async () => {
    const cases: [string, (text: string) => string, RegExp][] = [
      [
        'events.csv',
        (t) => `${t}NO-SUCH-PREMISE,2009-01-01,survey,,,,,,,\n`,
        /unknown archive number NO-SUCH-PREMISE/,
      ],
      ['events.csv', (t) => t.replace(/^archive_no,/, 'archive,'), /events\.csv: no column archive_no/],
      ['premises.csv', (t) => t.replace(/\n([^\n]*)\n/, '\n"$1\n'), /premises\.csv row \d+/],
      // The same archive number twice: named, not left to the table's UNIQUE constraint.
      [
        'premises.csv',
        (t) => {
          const lines = t.split('\n');
          lines[2] = lines[1].split(',')[0] + lines[2].slice(lines[2].indexOf(','));
          return lines.join('\n');
        },
        /premises\.csv: archive number \S+ is there twice/,
      ],
      // A line cut short (a comma lost) is refused, not seeded with its last fields missing.
      [
        'events.csv',
        (t) => t.replace(/\n([^,\n]+),([^,\n]+),/, '\n$1$2,'),
        /events\.csv row 2: 9 fields where the header has 10/,
      ],
    ];
    for (const [file, change, message] of cases) {
      const { db, seeding } = await seedChanged(file, change);
      await expect(seeding).rejects.toThrow(message);
      expect(db.prepare('SELECT count(*) FROM premises').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.close();
    }
  });
});
