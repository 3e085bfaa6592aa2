import { createReadStream, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { area } from '@turf/turf';
import Papa from 'papaparse';
import { storedCampaignSchema, writeCampaign } from '../db/campaign';
import { insertBasemapFeatures, insertTownship, insertVillage } from '../db/geography';
import { type Db, dialectOf } from '../db/open-database';
import { pgBulkLoader } from '../db/pg/bulk-load';
import type { PgDatabase } from '../db/pg/pg-database';
import type { GeocodeMethod } from '../db/premises';
import { sqliteBulkSettings, sqliteLoader } from '../db/sqlite-bulk-load';
import { CATEGORIES } from '../domain/categories';
import { day } from '../domain/dates';
import type { EventType, Problem } from '../domain/event-types';
import type { LicenceType } from '../domain/licences';

type Polygonal = GeoJSON.Polygon | GeoJSON.MultiPolygon;

function readCollection(file: string): GeoJSON.FeatureCollection {
  return JSON.parse(readFileSync(file, 'utf8')) as GeoJSON.FeatureCollection;
}

/**
 * Each row of a CSV file after its header line, as an array, with the position of each of `columns`
 * in it (-1: not in the file, so the row's value is undefined), in the order of the file. Parsed by
 * papaparse in chunks: about 7× faster than csv-parse's row-at-a-time stream over the millions of
 * records of a big record. A malformed row, or a required column missing, is an error naming the
 * file and the row; `visit` may throw, which ends the read with its error.
 */
function eachCsvRow<K extends string>(
  file: string,
  columns: Record<K, string>,
  required: readonly NoInfer<K>[],
  visit: (row: string[], at: Record<K, number>) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let at: Record<K, number> | null = null;
    let width = 0;
    let line = 0;
    let failed = false;
    const stream = createReadStream(file, { encoding: 'utf8' });
    Papa.parse<string[]>(stream, {
      delimiter: ',',
      skipEmptyLines: true,
      chunk(results, parser) {
        try {
          const bad = results.errors[0];
          if (bad) throw new Error(`${basename(file)} row ${line + (bad.row ?? 0) + 1}: ${bad.message}`);
          for (const row of results.data) {
            line++;
            if (!at) {
              at = columnsOf(file, row, columns, required);
              width = row.length;
            } else if (row.length !== width)
              throw new Error(
                `${basename(file)} row ${line}: ${row.length} fields where the header has ${width}`,
              );
            else visit(row, at);
          }
        } catch (err) {
          failed = true;
          parser.abort();
          // The rest of the file is not read.
          stream.destroy();
          reject(err);
        }
      },
      complete: () => {
        if (!failed) resolve();
      },
      error: reject,
    });
  });
}

/** Where each of `columns` is in a header line (a BOM before the first name ignored). */
function columnsOf<K extends string>(
  file: string,
  header: string[],
  columns: Record<K, string>,
  required: readonly K[],
): Record<K, number> {
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
  const at = {} as Record<K, number>;
  for (const key of Object.keys(columns) as K[]) at[key] = names.indexOf(columns[key]);
  const missing = required.filter((k) => at[k] < 0).map((k) => columns[k]);
  if (missing.length > 0) throw new Error(`${basename(file)}: no column ${missing.join(', ')} in its header`);
  return at;
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

/** The records' columns (events.csv, as the generator writes it). */
const E = {
  archiveNo: 'archive_no',
  date: 'date',
  type: 'type',
  problems: 'problems',
  deadline: 'deadline',
  passed: 'passed',
  licence: 'licence',
  licenceNo: 'licence_no',
  validTo: 'valid_to',
  note: 'note',
} as const;

const categoryByName = new Map<string, string>(CATEGORIES.map((c) => [c.name, c.code]));
const optionalNumber = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s));
const optional = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s);

/**
 * Loads a township written by the demo generator (data/generate.ts): campaign.json, township,
 * villages and basemap GeoJSON, premises.csv (the survey-list headers) and events.csv. All or nothing.
 */
export async function seedFromDir(db: Db, dir: string): Promise<{ premises: number; events: number }> {
  const campaign = storedCampaignSchema.parse(JSON.parse(readFileSync(join(dir, 'campaign.json'), 'utf8')));
  const townships = readCollection(join(dir, 'township.geojson'));
  const villages = readCollection(join(dir, 'villages.geojson'));
  const basemap = readCollection(join(dir, 'basemap.geojson'));

  const putBack = dialectOf(db) === 'sqlite' ? sqliteBulkSettings(db) : () => {};
  let begun = false;
  try {
    db.exec('BEGIN');
    begun = true;
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
    insertBasemapFeatures(
      db,
      basemap.features.map((f) => {
        const p = f.properties ?? {};
        return {
          layer: String(p.layer),
          class: String(p.class),
          name: p.name ?? null,
          widthM: p.widthMeters ?? null,
          geometry: f.geometry,
        };
      }),
    );

    // PostgreSQL takes the rows by COPY (an INSERT a row is a round trip each); SQLite as they come,
    // its indexes and counting triggers set aside meanwhile.
    const load = dialectOf(db) === 'postgres' ? pgBulkLoader(db as unknown as PgDatabase) : sqliteLoader(db);
    const premiseIds = new Map<string, number>();
    const required = ['archiveNo', 'name', 'address', 'villageCode', 'category', 'lng', 'lat'] as const;
    await eachCsvRow(join(dir, 'premises.csv'), H, required, (r, at) => {
      const archiveNo = r[at.archiveNo];
      const villageId = villageIds.get(r[at.villageCode]);
      const category = categoryByName.get(r[at.category]);
      if (villageId === undefined)
        throw new Error(`premises.csv ${archiveNo}: unknown village code ${r[at.villageCode]}`);
      if (!category) throw new Error(`premises.csv ${archiveNo}: unknown category ${r[at.category]}`);
      if (premiseIds.has(archiveNo))
        throw new Error(`premises.csv: archive number ${archiveNo} is there twice`);
      const id = load.insertPremise({
        archiveNo,
        name: r[at.name],
        operator: optional(r[at.operator]),
        phone: optional(r[at.phone]),
        idNumber: optional(r[at.idNumber]),
        address: r[at.address],
        villageId,
        category: category as (typeof CATEGORIES)[number]['code'],
        lng: Number(r[at.lng]),
        lat: Number(r[at.lat]),
        crs: r[at.crs] || 'WGS84',
        geocodeMethod: (r[at.geocodeMethod] || 'address_point') as GeocodeMethod,
        keyObject: r[at.keyObject] === '是',
        areaM2: optionalNumber(r[at.areaM2]),
        staff: optionalNumber(r[at.staff]),
        notes: optional(r[at.notes]),
      });
      premiseIds.set(archiveNo, id);
    });
    // PostgreSQL builds the premises' indexes while the records are read.
    load.endOf('premises');

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
    await eachCsvRow(join(dir, 'events.csv'), E, ['archiveNo', 'date', 'type'], (r, at) => {
      const premiseId = premiseIds.get(r[at.archiveNo]);
      if (premiseId === undefined) throw new Error(`events.csv: unknown archive number ${r[at.archiveNo]}`);
      const passed = r[at.passed];
      load.insertEvent(premiseId, {
        day: dayOf(r[at.date]),
        type: r[at.type] as EventType,
        problems: r[at.problems] ? (r[at.problems].split(';') as Problem[]) : undefined,
        deadlineDay: r[at.deadline] ? dayOf(r[at.deadline]) : undefined,
        passed: passed === '' || passed === undefined ? undefined : passed === '1',
        licence: (r[at.licence] || undefined) as LicenceType | undefined,
        licenceNo: r[at.licenceNo] || undefined,
        validToDay: r[at.validTo] ? dayOf(r[at.validTo]) : undefined,
        note: r[at.note] || undefined,
      });
      events++;
    });
    load.endOf('events');
    load.finish();
    db.exec('COMMIT');
    return { premises: premiseIds.size, events };
  } catch (err) {
    if (begun) db.exec('ROLLBACK');
    throw err;
  } finally {
    putBack();
  }
}
