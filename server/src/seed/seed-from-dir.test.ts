import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../../tests/helpers/test-app';
import { emptyTestStore } from '../../../tests/helpers/test-store';
import { seedFromDir } from './seed-from-dir';

// On both stores (the postgres project includes this file): SQLite takes the rows in batched
// INSERTs, PostgreSQL by COPY; each must hold what the files say and refuse what they get wrong.
describe('seeding reads the files as they are written', () => {
  const work = mkdtempSync(join(tmpdir(), 'seed-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds every premise and record of the CSV files, field for field (read again by another parser)', async () => {
    const db = await emptyTestStore();
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
    // The basemap's roads and rivers, fifty rows a statement: every one, in the file's order.
    const basemap = JSON.parse(
      readFileSync(join(DEMO_DIR, 'basemap.geojson'), 'utf8'),
    ) as GeoJSON.FeatureCollection;
    expect(basemap.features.length).toBeGreaterThan(100);
    const drawn = db
      .prepare('SELECT layer, class, name, width_m, geometry FROM basemap_features ORDER BY id')
      .all() as {
      layer: string;
      class: string;
      name: string | null;
      width_m: number | null;
      geometry: string;
    }[];
    expect(
      drawn.map((f) => [
        f.layer,
        f.class,
        f.name,
        f.width_m === null ? null : Number(f.width_m),
        JSON.parse(f.geometry),
      ]),
    ).toEqual(
      basemap.features.map((f) => [
        f.properties?.layer,
        f.properties?.class,
        f.properties?.name ?? null,
        f.properties?.widthMeters ?? null,
        f.geometry,
      ]),
    );
    db.close();
  });

  /** A copy of the demo's files with one of them changed, seeded into an empty record. */
  async function seedChanged(file: string, change: (text: string) => string) {
    const dir = mkdtempSync(join(work, 'dir-'));
    cpSync(DEMO_DIR, dir, { recursive: true });
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
    const db = await emptyTestStore();
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
      db.close();
    }
  });
});
