import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtApp } from '../../../tests/helpers/district';
import { pdfText } from '../../../tests/helpers/pdf-text';
import { accountToken, actingAs, getJson } from '../../../tests/helpers/test-app';
import { listVillages, type VillageRow } from '../db/geography';

type Township = { id: number; code: string; name: string; surveyed: number; rank: number };

let district: Awaited<ReturnType<typeof districtApp>>;
let townships: Township[];
let districtName: string;
const work = mkdtempSync(join(tmpdir(), 'district-reports-'));
const AT = '2009-12-31';

beforeAll(async () => {
  district = await districtApp();
  townships = (await getJson<{ townships: Township[] }>(district.app, `/api/townships?at=${AT}`)).townships;
  districtName = (await getJson<{ district: string }>(district.app, '/api/campaign')).district;
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function fileOf(path: string): Promise<Uint8Array> {
  const res = await district.app.request(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** A PDF's text as pdftotext reads it, without the layout's spaces. */
async function pdfWords(path: string): Promise<string> {
  const file = join(work, `${path.replace(/\W+/g, '-')}.pdf`);
  writeFileSync(file, await fileOf(path));
  return pdfText(file, false).replace(/\s+/g, '');
}

/** The names of one township's villages, and of the villages of no other township (generated names repeat). */
function namesOf(townshipId: number): { own: string[]; others: string[] } {
  const villages = listVillages(district.db);
  const of = (keep: (v: VillageRow) => boolean) => new Set(villages.filter(keep).map((v) => v.name));
  const own = of((v) => v.townshipId === townshipId);
  const others = of((v) => v.townshipId !== townshipId);
  return { own: [...own].filter((n) => !others.has(n)), others: [...others].filter((n) => !own.has(n)) };
}

describe('reports of a district: of the whole, or of one township (?township=)', () => {
  it('heads the year summary with the district, or with the township asked for and its villages alone', async () => {
    expect(townships.length).toBe(3);
    expect(districtName).not.toBe('');
    const whole = await pdfWords('/api/reports/township.pdf?year=2009');
    expect(whole).toContain(`${districtName}`);
    for (const t of townships) expect(whole).not.toContain(`${t.name}2009`);
    // The district's summary ranks its townships, each with its premises at the year's end.
    expect(whole).toContain('各乡镇（街道）整治情况');
    expect(whole).toContain('全区合计');
    for (const t of townships) expect(whole).toContain(`${t.rank}${t.name}${t.surveyed}`);

    const pick = townships[1];
    const one = await pdfWords(`/api/reports/township.pdf?year=2009&township=${pick.id}`);
    expect(one).toContain(pick.name);
    const { own, others } = namesOf(pick.id);
    expect(own.length).toBeGreaterThan(0);
    for (const name of own) expect(one).toContain(name);
    for (const name of others) expect(one).not.toContain(name);
    const res = await district.app.request('/api/reports/township.pdf?year=2009&township=99');
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).toContain('未找到乡镇：99');
  });

  it('names a village report after the village’s own township, and maps one township on the A3 sheet', async () => {
    const pick = townships[2];
    const village = listVillages(district.db).find((v) => v.townshipId === pick.id) as VillageRow;
    const report = await pdfWords(`/api/reports/village/${village.id}.pdf?year=2009`);
    expect(report).toContain(pick.name);
    for (const t of townships) if (t.id !== pick.id) expect(report).not.toContain(t.name);

    const map = await pdfWords(`/api/reports/map.pdf?at=${AT}&township=${pick.id}`);
    expect(map).toContain(`${pick.name}“十小”行业整治分布图`);
    const stats = await getJson<{ surveyed: number }>(
      district.app,
      `/api/stats?at=${AT}&township=${pick.id}`,
    );
    expect(map).toContain(`摸底${stats.surveyed}户`);
  });

  it('sums a trade ledger over the township’s villages only', async () => {
    const pick = townships[0];
    const path = `/api/reports/ledger/trade/grocery.xlsx?at=${AT}&township=${pick.id}`;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await fileOf(path)).buffer as ArrayBuffer);
    const sheet = book.worksheets[0];
    const cells: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value ?? ''));
      });
    });
    const text = cells.join('|');
    expect(text).toContain(pick.name);
    const { own, others } = namesOf(pick.id);
    for (const name of own) expect(text).toContain(name);
    for (const name of others) expect(text).not.toContain(name);
  });
});

describe('acceptance and 问责 of one township of the district', () => {
  it('lists the township’s villages alone with ?township=, and 404s an unknown township', async () => {
    type Acceptance = { villages: { id: number }[]; summary: { villages: number } };
    const all = await getJson<Acceptance>(district.app, '/api/acceptance?year=2009');
    expect(all.villages.length).toBe(listVillages(district.db).length);
    let counted = 0;
    for (const t of townships) {
      const one = await getJson<Acceptance>(district.app, `/api/acceptance?year=2009&township=${t.id}`);
      const own = new Set(
        listVillages(district.db)
          .filter((v) => v.townshipId === t.id)
          .map((v) => v.id),
      );
      expect(one.villages.map((v) => v.id).sort()).toEqual([...own].sort());
      expect(one.summary.villages).toBe(own.size);
      counted += one.villages.length;
    }
    expect(counted).toBe(all.villages.length);
    const blame = await district.app.request(`/api/accountability?year=2009&township=${townships[0].id}`);
    expect(blame.status).toBe(200);
    expect((await district.app.request('/api/acceptance?year=2009&township=99')).status).toBe(404);
  });
});

describe('OGC API – Features of a district', () => {
  it('filters villages and premises by townshipId, counting what /api/stats counts', async () => {
    type Page = { numberMatched: number; features: { properties: { townshipId: number } }[] };
    for (const t of townships) {
      const villages = await getJson<Page>(
        district.app,
        `/ogc/collections/villages/items?townshipId=${t.id}&limit=1000`,
      );
      expect(villages.numberMatched).toBe(
        listVillages(district.db).filter((v) => v.townshipId === t.id).length,
      );
      expect(villages.features.every((f) => f.properties.townshipId === t.id)).toBe(true);

      const premises = await getJson<Page>(
        district.app,
        `/ogc/collections/premises/items?townshipId=${t.id}&datetime=${AT}&limit=50`,
      );
      const stats = await getJson<{ surveyed: number }>(district.app, `/api/stats?at=${AT}&township=${t.id}`);
      expect(premises.numberMatched).toBe(stats.surveyed);
      expect(premises.features.length).toBeGreaterThan(0);
      expect(premises.features.every((f) => f.properties.townshipId === t.id)).toBe(true);
    }
    const collections = await getJson<{ collections: { title: string }[] }>(district.app, '/ogc/collections');
    expect(collections.collections.every((c) => c.title.startsWith(districtName))).toBe(true);
  });
});

describe('an account limited to one township, asking for another', () => {
  it('gets nothing of it: no villages to accept, no premises on the OGC layer, no rows in a ledger', async () => {
    const [own, other] = townships;
    const leader = actingAs(
      district.anonymous,
      accountToken(district.db, 'leader-of-one', 'leader', { townshipCodes: [own.code] }),
    );
    type Acceptance = { villages: { id: number }[] };
    expect(
      (await getJson<Acceptance>(leader, `/api/acceptance?year=2009&township=${other.id}`)).villages,
    ).toEqual([]);
    expect(
      (await getJson<Acceptance>(leader, `/api/acceptance?year=2009&township=${own.id}`)).villages.length,
    ).toBeGreaterThan(0);
    type Page = { numberMatched: number };
    const ogc = (id: number) =>
      getJson<Page>(leader, `/ogc/collections/premises/items?townshipId=${id}&datetime=${AT}&limit=1`);
    expect((await ogc(other.id)).numberMatched).toBe(0);
    expect((await ogc(own.id)).numberMatched).toBe(own.surveyed);
    const blame = await getJson<{ total: number }>(
      leader,
      `/api/accountability?year=2009&township=${other.id}`,
    );
    expect(blame.total).toBe(0);
  });
});
