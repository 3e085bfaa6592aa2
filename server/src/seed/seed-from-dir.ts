import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/turf';
import { parse } from 'csv-parse';
import { storedCampaignSchema, writeCampaign } from '../db/campaign';
import { insertBasemapFeature, insertTownship, insertVillage } from '../db/geography';
import type { Db } from '../db/open-database';
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

    const premiseIds = new Map<string, number>();
    const insertPremise = premiseInserter(db);
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

    const insertEvent = eventInserter(db);
    let events = 0;
    for await (const r of csvRows(join(dir, 'events.csv'))) {
      const premiseId = premiseIds.get(r.archive_no);
      if (premiseId === undefined) throw new Error(`events.csv: unknown archive number ${r.archive_no}`);
      insertEvent(premiseId, {
        day: day(r.date),
        type: r.type as EventType,
        problems: r.problems ? (r.problems.split(';') as Problem[]) : undefined,
        deadlineDay: r.deadline ? day(r.deadline) : undefined,
        passed: r.passed === '' || r.passed === undefined ? undefined : r.passed === '1',
        licence: (r.licence || undefined) as LicenceType | undefined,
        licenceNo: r.licence_no || undefined,
        validToDay: r.valid_to ? day(r.valid_to) : undefined,
        note: r.note || undefined,
      });
      events++;
    }
    db.exec('COMMIT');
    return { premises: premiseIds.size, events };
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
