import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/turf';
import { parse } from 'csv-parse';
import { storedCampaignSchema, writeCampaign } from '../db/campaign';
import { insertBasemapFeature, insertTownship, insertVillage } from '../db/geography';
import { type Db, dialectOf } from '../db/open-database';
import { pgBulkLoader } from '../db/pg/bulk-load';
import type { PgDatabase } from '../db/pg/pg-database';
import { eventInserter, type GeocodeMethod, premiseInserter } from '../db/premises';
import { CATEGORIES } from '../domain/categories';
import { day } from '../domain/dates';
import type { EventType, Problem } from '../domain/event-types';
import type { LicenceType } from '../domain/licences';

type Polygonal = GeoJSON.Polygon | GeoJSON.MultiPolygon;

function readCollection(file: string): GeoJSON.FeatureCollection {
  return JSON.parse(readFileSync(file, 'utf8')) as GeoJSON.FeatureCollection;
}

async function* csvRows(file: string): AsyncGenerator<Record<string, string>> {
  const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
  for await (const row of parser) yield row as Record<string, string>;
}

/** The survey-list headers the generator writes (the same ones a user's import has). */
const H = {
  archiveNo: '档案编号',
  name: '名称',
  operator: '经营者',
  phone: '联系电话',
  idNumber: '身份证号',
  address: '地址',
  village: '所属村社区',
  villageCode: '村社区代码',
  category: '行业',
  lng: '经度',
  lat: '纬度',
  crs: '坐标系',
  geocodeMethod: '定位方式',
  keyObject: '重点对象',
  areaM2: '面积',
  staff: '从业人员',
  notes: '备注',
} as const;

const categoryByName = new Map<string, string>(CATEGORIES.map((c) => [c.name, c.code]));
const optionalNumber = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s));
const optional = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s);

/** The triggers that only count changes (migrations 5 and 12): counted once after a bulk load instead of per row. */
const COUNTERS: Record<string, { key: string; per: 'premise' | 'event' }> = {
  premises_version_insert: { key: 'data_version', per: 'premise' },
  events_version_insert: { key: 'data_version', per: 'event' },
  premises_contacts_insert: { key: 'contacts_version', per: 'premise' },
};

/**
 * Sets aside, within the seeding transaction, what makes a bulk load of premises and events slow row
 * by row: their indexes (built again afterwards in one sorted pass each; a unique one refuses
 * duplicates then) and the insert triggers that only bump a counter (bumped once afterwards by the
 * count). Returns the function that puts them back. Any other trigger stays and runs per row.
 */
function setAsideForBulkLoad(db: Db): (premises: number, events: number) => void {
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('premises', 'events') AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  const triggers = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('premises', 'events')",
    )
    .all() as { name: string; sql: string }[];
  const counting = triggers.filter((t) => t.name in COUNTERS);
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  for (const t of counting) db.exec(`DROP TRIGGER "${t.name}"`);
  return (premises, events) => {
    for (const i of indexes) db.exec(i.sql);
    for (const t of counting) {
      db.exec(t.sql);
      const { key, per } = COUNTERS[t.name];
      db.prepare('UPDATE meta SET value = value + CAST(? AS INTEGER) WHERE key = ?').run(
        per === 'premise' ? premises : events,
        key,
      );
    }
  };
}

/**
 * Loads a township written by the demo generator (data/generate.ts): campaign.json, township,
 * villages and basemap GeoJSON, premises.csv (the survey-list headers) and events.csv. All or nothing.
 */
export async function seedFromDir(db: Db, dir: string): Promise<{ premises: number; events: number }> {
  const campaign = storedCampaignSchema.parse(JSON.parse(readFileSync(join(dir, 'campaign.json'), 'utf8')));
  const townships = readCollection(join(dir, 'township.geojson'));
  const villages = readCollection(join(dir, 'villages.geojson'));
  const basemap = readCollection(join(dir, 'basemap.geojson'));

  db.exec('BEGIN');
  try {
    writeCampaign(db, campaign);
    const townshipIds = new Map<string, number>();
    for (const f of townships.features) {
      const code = String(f.properties?.code);
      townshipIds.set(
        code,
        insertTownship(db, { code, name: String(f.properties?.name), geometry: f.geometry as Polygonal }),
      );
    }
    const firstTownship = [...townshipIds.values()][0];
    const villageIds = new Map<string, number>();
    for (const f of villages.features) {
      const p = f.properties ?? {};
      const id = insertVillage(db, {
        code: String(p.code),
        name: String(p.name),
        kind: p.kind === 'community' ? 'community' : 'village',
        townshipId: townshipIds.get(String(p.townshipCode)) ?? firstTownship,
        areaKm2: area(f) / 1e6,
        fringe: p.fringe === true,
        pilot: p.pilot === true,
        geometry: f.geometry as Polygonal,
      });
      villageIds.set(String(p.code), id);
    }
    for (const f of basemap.features) {
      const p = f.properties ?? {};
      insertBasemapFeature(db, {
        layer: String(p.layer),
        class: String(p.class),
        name: p.name ?? null,
        widthM: p.widthMeters ?? null,
        geometry: f.geometry,
      });
    }

    // PostgreSQL takes the rows by COPY (an INSERT a row is a round trip each); SQLite as they come,
    // its indexes and counting triggers set aside meanwhile.
    const bulk = dialectOf(db) === 'postgres' ? pgBulkLoader(db as unknown as PgDatabase) : null;
    const restore = bulk ? () => bulk.finish() : setAsideForBulkLoad(db);
    const premiseIds = new Map<string, number>();
    const insertPremise = bulk ? bulk.insertPremise : premiseInserter(db);
    for await (const r of csvRows(join(dir, 'premises.csv'))) {
      const villageId = villageIds.get(r[H.villageCode]);
      const category = categoryByName.get(r[H.category]);
      if (villageId === undefined)
        throw new Error(`premises.csv ${r[H.archiveNo]}: unknown village code ${r[H.villageCode]}`);
      if (!category) throw new Error(`premises.csv ${r[H.archiveNo]}: unknown category ${r[H.category]}`);
      const id = insertPremise({
        archiveNo: r[H.archiveNo],
        name: r[H.name],
        operator: optional(r[H.operator]),
        phone: optional(r[H.phone]),
        idNumber: optional(r[H.idNumber]),
        address: r[H.address],
        villageId,
        category: category as (typeof CATEGORIES)[number]['code'],
        lng: Number(r[H.lng]),
        lat: Number(r[H.lat]),
        crs: r[H.crs] || 'WGS84',
        geocodeMethod: (r[H.geocodeMethod] || 'address_point') as GeocodeMethod,
        keyObject: r[H.keyObject] === '是',
        areaM2: optionalNumber(r[H.areaM2]),
        staff: optionalNumber(r[H.staff]),
        notes: optional(r[H.notes]),
      });
      premiseIds.set(r[H.archiveNo], id);
    }

    const insertEvent = bulk ? bulk.insertEvent : eventInserter(db);
    // A few thousand distinct dates among millions of records: each parsed once.
    const days = new Map<string, number>();
    const dayOf = (date: string) => {
      let d = days.get(date);
      if (d === undefined) {
        d = day(date);
        days.set(date, d);
      }
      return d;
    };
    let events = 0;
    for await (const r of csvRows(join(dir, 'events.csv'))) {
      const premiseId = premiseIds.get(r.archive_no);
      if (premiseId === undefined) throw new Error(`events.csv: unknown archive number ${r.archive_no}`);
      insertEvent(premiseId, {
        day: dayOf(r.date),
        type: r.type as EventType,
        problems: r.problems ? (r.problems.split(';') as Problem[]) : undefined,
        deadlineDay: r.deadline ? dayOf(r.deadline) : undefined,
        passed: r.passed === '' || r.passed === undefined ? undefined : r.passed === '1',
        licence: (r.licence || undefined) as LicenceType | undefined,
        licenceNo: r.licence_no || undefined,
        validToDay: r.valid_to ? dayOf(r.valid_to) : undefined,
        note: r.note || undefined,
      });
      events++;
    }
    restore(premiseIds.size, events);
    db.exec('COMMIT');
    return { premises: premiseIds.size, events };
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
