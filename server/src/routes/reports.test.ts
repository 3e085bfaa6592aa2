import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { Jimp } from 'jimp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../tests/helpers/pdf-text';
import { bringInShitang } from '../../../tests/helpers/second-township';
import { accountToken, actingAs, demoApp, emptyApp, getJson } from '../../../tests/helpers/test-app';
import { searchAudit } from '../db/audit';
import { listVillages } from '../db/geography';
import { CATEGORIES } from '../domain/categories';
import { percent } from '../domain/report/report-text';
import { STATUSES } from '../domain/statuses';
import type { GroupTally, Tally } from '../domain/tally';

type App = Awaited<ReturnType<typeof demoApp>>['app'];
type Stats = Tally & { at: string };

const SHOTS = resolve(import.meta.dirname, '../../../tests/screenshots');
const work = mkdtempSync(join(tmpdir(), 'reports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function fileOf(app: App, path: string, type: string): Promise<Uint8Array> {
  const res = await app.request(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  expect(res.headers.get('content-type')).toBe(type);
  return new Uint8Array(await res.arrayBuffer());
}

const pdfOf = (app: App, path: string) => fileOf(app, path, 'application/pdf');

/** A PDF written to a file, for poppler's tools. */
function saved(bytes: Uint8Array, name: string): string {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
}

const textOf = pdfText;

interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

/** Page 1 rendered to tests/screenshots/<name>.png (to look at), and read back as pixels. */
async function pageOne(pdf: string, name: string, dpi = 60): Promise<Pixels> {
  mkdirSync(SHOTS, { recursive: true });
  const args = ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(SHOTS, name)];
  execFileSync('pdftoppm', args);
  const { bitmap } = await Jimp.read(readFileSync(join(SHOTS, `${name}.png`)));
  return { width: bitmap.width, height: bitmap.height, data: bitmap.data };
}

/** Share of pixels in a box (fractions of the page) that are not near-white. */
function inkShare(png: Pixels, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let ink = 0;
  let all = 0;
  for (let y = Math.floor(box.y0 * png.height); y < box.y1 * png.height; y++) {
    for (let x = Math.floor(box.x0 * png.width); x < box.x1 * png.width; x++) {
      const i = (y * png.width + x) * 4;
      all++;
      if (png.data[i] < 235 || png.data[i + 1] < 235 || png.data[i + 2] < 235) ink++;
    }
  }
  return ink / all;
}

/** Pixels of a colour (within a tolerance) anywhere on the page. */
function pixelsOf(png: Pixels, rgb: readonly number[], tolerance = 12): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (
      Math.abs(png.data[i] - rgb[0]) <= tolerance &&
      Math.abs(png.data[i + 1] - rgb[1]) <= tolerance &&
      Math.abs(png.data[i + 2] - rgb[2]) <= tolerance
    )
      n++;
  }
  return n;
}

/** The fonts of a PDF as pdffonts lists them: name, embedded, ToUnicode map. */
function fontsOf(pdf: string): { name: string; embedded: boolean; unicode: boolean }[] {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { name: cols[0], embedded: cols.at(-5) === 'yes', unicode: cols.at(-3) === 'yes' };
    });
}

/** The bytes of the font files embedded in a PDF (their compressed streams). */
function embeddedFontBytes(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  let total = 0;
  for (const ref of text.matchAll(/\/FontFile2 (\d+) 0 R/g)) {
    const object = new RegExp(`\\n${ref[1]} 0 obj\\s*<<([^]*?)>>\\s*stream`).exec(text);
    total += Number(/\/Length (\d+)/.exec(object?.[1] ?? '')?.[1] ?? Number.NaN);
  }
  return total;
}

/** The counts of a 汇总表 row: 摸底户数, the six statuses, 无证照经营, 逾期未整改. */
const COUNT_COLUMNS = 9;
function countsIn(sheet: ExcelJS.Worksheet, row: number): number[] {
  const out: number[] = [];
  for (let c = 3; c < 3 + COUNT_COLUMNS; c++) {
    const v = sheet.getCell(row, c).value;
    // A formula cell: its stored result (ExcelJS reads a stored 0 back as no result).
    out.push(typeof v === 'object' && v !== null && 'formula' in v ? Number(v.result ?? 0) : Number(v));
  }
  return out;
}

/** The 合计 row's counts are SUM formulas over exactly the rows above it. */
function expectSumFormulas(sheet: ExcelJS.Worksheet, first: number, total: number): void {
  for (let c = 3; c < 3 + COUNT_COLUMNS; c++) {
    const col = sheet.getColumn(c).letter;
    expect(sheet.getCell(total, c).formula).toBe(`SUM(${col}${first}:${col}${total - 1})`);
  }
}
const groupCounts = (g: GroupTally) => [g.surveyed, ...STATUSES.map((s) => g.byStatus[s.key]), g.unlicensed];

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The 汇总表's data rows (5 up to the 合计 row) and the 合计 row's number. */
function summaryRows(sheet: ExcelJS.Worksheet): { rows: number[]; total: number } {
  const rows: number[] = [];
  let r = 5;
  while (sheet.getCell(r, 1).value !== '合计') rows.push(r++);
  return { rows, total: r };
}

const YEAR = 2009;
const YEAR_END = `${YEAR}-12-31`;

describe('reports on paper: the demo township', { timeout: 120_000 }, () => {
  let app: App;
  let db: Awaited<ReturnType<typeof demoApp>>['db'];
  let stats: Stats;
  let village: { id: number; code: string; name: string };
  beforeAll(async () => {
    ({ app, db } = await demoApp());
    stats = await getJson<Stats>(app, `/api/stats?at=${YEAR_END}`);
    // The village with the most premises: the busiest page.
    const villages = listVillages(db);
    village = villages.reduce((a, b) =>
      (stats.byVillage[String(b.id)]?.surveyed ?? 0) > (stats.byVillage[String(a.id)]?.surveyed ?? 0) ? b : a,
    );
  }, 60_000);

  it('makes the village report as a PDF whose text holds the village and the numbers of /api/stats', async () => {
    const started = performance.now();
    const bytes = await pdfOf(app, `/api/reports/village/${village.id}.pdf?year=${YEAR}`);
    const ms = performance.now() - started;
    const pdf = saved(bytes, 'village.pdf');
    const text = textOf(pdf);
    const own = stats.byVillage[String(village.id)];
    expect(text).toContain(village.name);
    expect(text).toContain(`统计截至 ${YEAR}年12月31日`);
    // The trade table's 合计 row starts with the village's premises, then its statuses.
    const total = /合计\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(text);
    expect(total?.slice(1).map(Number)).toEqual([
      own.surveyed,
      ...STATUSES.map((s) => own.byStatus[s.key]),
      own.unlicensed,
    ]);
    expect(text).toContain(percent(own.progress, own.surveyed));
    // Text, not pictures of text: the Chinese font embedded as a subset with a Unicode map.
    const fonts = fontsOf(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoSansSC-/);
      expect(f).toMatchObject({ embedded: true, unicode: true });
    }
    // Only the glyphs used go in: tens of kilobytes of the 10 MB fonts.
    const fontBytes = embeddedFontBytes(bytes);
    expect(fontBytes).toBeGreaterThan(5_000);
    expect(fontBytes).toBeLessThan(120_000);
    // No phone or ID numbers on paper.
    expect(text).not.toMatch(/\b1[3-9]\d{9}\b/);
    expect(text).not.toMatch(/\b\d{17}[\dX]\b/);
    const png = await pageOne(pdf, 'report-village');
    // The map is drawn: premises as dots in their status colours, the village outlined in red.
    console.log('green', pixelsOf(png, STATUSES[2].color, 40), 'outline', pixelsOf(png, [176, 58, 46], 30));
    expect(pixelsOf(png, STATUSES[2].color, 40)).toBeGreaterThan(100);
    expect(pixelsOf(png, [176, 58, 46], 30)).toBeGreaterThan(200);
    console.log(`village report: ${bytes.length} bytes (fonts ${fontBytes}), ${ms.toFixed(0)} ms`);
  });

  it('makes the township summary with every village ranked and the totals of /api/stats', async () => {
    const started = performance.now();
    const bytes = await pdfOf(app, `/api/reports/township.pdf?year=${YEAR}`);
    const ms = performance.now() - started;
    const pdf = saved(bytes, 'township.pdf');
    const text = textOf(pdf);
    for (const v of listVillages(db)) expect(text).toContain(v.name);
    const total = /全镇合计\s+(\d+)/.exec(text);
    expect(Number(total?.[1])).toBe(stats.surveyed);
    expect(text).toContain(percent(stats.progress, stats.surveyed));
    const png = await pageOne(pdf, 'report-township');
    expect(inkShare(png, { x0: 0.1, y0: 0.25, x1: 0.9, y1: 0.6 })).toBeGreaterThan(0.3);
    console.log(`township report: ${bytes.length} bytes, ${ms.toFixed(0)} ms`);
  });

  it('draws the A3 wall map: an A3 landscape page with title, legend, dots by status, scale bar', async () => {
    const started = performance.now();
    const bytes = await pdfOf(app, `/api/reports/map.pdf?at=${YEAR_END}`);
    const ms = performance.now() - started;
    const pdf = saved(bytes, 'map.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    // 1190.55 × 841.89 pt is A3 landscape: 4961 × 3508 pixels at 300 dpi.
    expect(info).toMatch(/Page size:\s+1190\.55 x 841\.89 pts \(A3\)/);
    expect(info).toMatch(/Pages:\s+1\b/);
    const text = textOf(pdf, false);
    expect(text).toContain('分布图');
    expect(text).toContain(`${YEAR}年12月31日`);
    for (const s of STATUSES) expect(text).toContain(s.name);
    expect(text).toMatch(/\d+ k?m/);
    expect(text).toContain('N');
    const png = await pageOne(pdf, 'map-a3-preview', 40);
    expect([png.width, png.height]).toEqual([662, 468]);
    expect(inkShare(png, { x0: 0.05, y0: 0.15, x1: 0.95, y1: 0.92 })).toBeGreaterThan(0.5);
    // Premises appear in their status colours (pending red and compliant green at least).
    expect(pixelsOf(png, STATUSES[0].color)).toBeGreaterThan(20);
    expect(pixelsOf(png, STATUSES[2].color)).toBeGreaterThan(20);
    console.log(`A3 map: ${bytes.length} bytes, ${ms.toFixed(0)} ms`);
  });

  it('draws the A3 map of a key area, outlined and named in the legend', async () => {
    const square = [
      [120.19, 30.33],
      [120.21, 30.33],
      [120.21, 30.35],
      [120.19, 30.35],
      [120.19, 30.33],
    ];
    const created = await app.request('/api/areas', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '集镇核心区',
        reason: 'other',
        geometry: { type: 'Polygon', coordinates: [square] },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const area = await getJson<{ surveyed: number }>(app, `/api/areas/${id}/stats?at=${YEAR_END}`);
    const pdf = saved(await pdfOf(app, `/api/reports/map.pdf?at=${YEAR_END}&area=${id}`), 'map-area.pdf');
    const text = textOf(pdf, false);
    expect(text).toContain('集镇核心区');
    expect(text).toContain(`摸底 ${area.surveyed} 户`);
    const res = await app.request('/api/reports/map.pdf?area=999999');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { messageZh: string } }).error.messageZh).toContain('重点区域');
  });

  it('writes a village ledger: merged title, two-row Chinese header, 合计 = sum of rows = /api/stats', async () => {
    const bytes = await fileOf(
      app,
      `/api/reports/ledger/village/${village.id}.xlsx?year=${YEAR}`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = await workbookOf(bytes);
    const sheet = wb.getWorksheet('汇总表');
    if (!sheet) throw new Error('no 汇总表');
    expect(String(sheet.getCell('A1').value)).toBe(`丁桥镇${village.name}“十小”行业整治工作台账（汇总表）`);
    expect(sheet.getCell('M1').isMerged && sheet.getCell('M1').master.address).toBe('A1');
    expect(String(sheet.getCell('A2').value)).toContain(`填报单位（盖章）：丁桥镇${village.name}`);
    expect(sheet.getCell('D3').value).toBe('整治情况');
    expect(sheet.getCell('I3').master.address).toBe('D3');
    expect([1, 2, 3].map((c) => sheet.getCell(3, c).value)).toEqual(['序号', '行业', '摸底户数']);
    expect(STATUSES.map((_, i) => sheet.getCell(4, 4 + i).value)).toEqual(STATUSES.map((s) => s.name));
    expect([10, 11, 12, 13].map((c) => sheet.getCell(3, c).value)).toEqual([
      '无证照经营',
      '逾期未整改',
      '整治完成率',
      '备注',
    ]);
    const { rows, total } = summaryRows(sheet);
    expect(rows.map((r) => sheet.getCell(r, 2).value)).toEqual(CATEGORIES.map((c) => c.name));
    const sum = rows.reduce(
      (acc, r) => acc.map((x, i) => x + countsIn(sheet, r)[i]),
      Array(COUNT_COLUMNS).fill(0),
    );
    expect(countsIn(sheet, total)).toEqual(sum);
    const own = stats.byVillage[String(village.id)];
    expect(countsIn(sheet, total).slice(0, 8)).toEqual(groupCounts(own));
    expectSumFormulas(sheet, 5, total);
    const detail = wb.getWorksheet('经营户明细');
    if (!detail) throw new Error('no 经营户明细');
    expect(detail.getCell('A1').master.address).toBe('A1');
    expect(detail.getCell(3, 2).value).toBe('档案编号');
    expect(detail.getCell(3 + own.surveyed + 1, 1).value).toBe('合计');
    expect(detail.getCell(3 + own.surveyed + 1, 3).value).toBe(`共 ${own.surveyed} 户`);
    expect(searchAudit(db, { entity: 'ledger', limit: 10, offset: 0 }).items[0].after).toMatchObject({
      ledger: 'village',
      village: village.id,
      count: own.surveyed,
    });
  });

  it('writes a trade ledger by village whose 合计 equals the trade in /api/stats', async () => {
    const trade = CATEGORIES[2];
    const wb = await workbookOf(
      await fileOf(
        app,
        `/api/reports/ledger/trade/${trade.code}.xlsx?at=${YEAR_END}`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    );
    const sheet = wb.getWorksheet('汇总表');
    if (!sheet) throw new Error('no 汇总表');
    expect(String(sheet.getCell('A1').value)).toContain(trade.name);
    expect(sheet.getCell(3, 2).value).toBe('村（社区）');
    const { rows, total } = summaryRows(sheet);
    expect(rows.map((r) => sheet.getCell(r, 2).value)).toEqual(listVillages(db).map((v) => v.name));
    const sum = rows.reduce(
      (acc, r) => acc.map((x, i) => x + countsIn(sheet, r)[i]),
      Array(COUNT_COLUMNS).fill(0),
    );
    expect(countsIn(sheet, total)).toEqual(sum);
    expect(countsIn(sheet, total).slice(0, 8)).toEqual(groupCounts(stats.byCategory[trade.code]));
    expectSumFormulas(sheet, 5, total);
  });

  it('keeps a village officer to their villages and shows phones as the role may see them', async () => {
    const [own, other] = listVillages(db);
    const officer = actingAs(app, accountToken(db, 'officer', 'village', { villageCodes: [own.code] }));
    expect((await officer.request(`/api/reports/ledger/village/${own.id}.xlsx?at=${YEAR_END}`)).status).toBe(
      200,
    );
    const refused = await officer.request(`/api/reports/ledger/village/${other.id}.xlsx?at=${YEAR_END}`);
    expect(refused.status).toBe(403);
    expect((await officer.request(`/api/reports/village/${other.id}.pdf?year=${YEAR}`)).status).toBe(403);
    const pdf = saved(await pdfOf(officer, `/api/reports/township.pdf?year=${YEAR}`), 'township-officer.pdf');
    expect(textOf(pdf)).toContain(`统计范围：${own.name}`);
    const leader = actingAs(app, accountToken(db, 'leader', 'leader'));
    const wb = await workbookOf(
      await fileOf(
        leader,
        `/api/reports/ledger/village/${own.id}.xlsx?at=${YEAR_END}`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    );
    const detail = wb.getWorksheet('经营户明细');
    const phones: string[] = [];
    detail?.getColumn(5).eachCell((cell, row) => {
      if (row > 3 && typeof cell.value === 'string' && /\d/.test(cell.value)) phones.push(cell.value);
    });
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toContain('*');
  });

  it('prints the acceptance team’s adjustments, verdict and sign-off; an inspector gets no scorecard', async () => {
    const send = (method: string, path: string, body: unknown) =>
      app.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const notes = await send('PUT', `/api/acceptance/${village.id}?year=${YEAR}`, {
      adjustments: [{ item: 'other', points: -3, remark: '档案资料不全' }],
      remarks: '',
    });
    expect(notes.status).toBe(200);
    const card = (await notes.json()) as { scorecard: { computed: number; adjusted: number } };
    const signed = await send('POST', `/api/acceptance/${village.id}/sign-off?year=${YEAR}`, {
      passed: true,
      remarks: '同意通过',
    });
    expect(signed.status).toBe(201);
    const text = textOf(
      saved(await pdfOf(app, `/api/reports/village/${village.id}.pdf?year=${YEAR}`), 'signed.pdf'),
    );
    expect(text).toContain(`调整后 ${card.scorecard.adjusted.toFixed(1)} 分`);
    expect(text).toContain('结论：验收通过');
    expect(text).toContain('验收签字：test-admin');
    expect(text).toContain('其他 -3 分：档案资料不全');
    const township = textOf(
      saved(await pdfOf(app, `/api/reports/township.pdf?year=${YEAR}`), 'signed-t.pdf'),
    );
    expect(township).toContain('年度验收');
    expect(township).toMatch(new RegExp(`${village.name}.*通过`));
    const inspector = actingAs(app, accountToken(db, 'inspector', 'inspector', { department: 'aic' }));
    const seen = textOf(
      saved(await pdfOf(inspector, `/api/reports/village/${village.id}.pdf?year=${YEAR}`), 'i.pdf'),
    );
    expect(seen).toContain(village.name);
    expect(seen).not.toContain('验收考核');
    expect(seen).toContain('统计范围：');
  });

  it('refuses bad input with a message in Chinese and English', async () => {
    for (const [path, status] of [
      [`/api/reports/village/${village.id}.pdf?year=1999`, 400],
      [`/api/reports/village/${village.id}.pdf`, 400],
      ['/api/reports/village/abc.pdf?year=2009', 400],
      ['/api/reports/village/3.png?year=2009', 400],
      ['/api/reports/ledger/trade/restaurant.csv', 400],
      ['/api/reports/village/999999.pdf?year=2009', 404],
      ['/api/reports/township.pdf?year=twenty', 400],
      [`/api/reports/ledger/village/${village.id}.xlsx?year=2009&at=2009-01-01`, 400],
      ['/api/reports/ledger/trade/nonsense.xlsx', 404],
      ['/api/reports/map.pdf?at=2009-02-30', 400],
      ['/api/reports/map.pdf?area=x', 400],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(status);
      const body = (await res.json()) as { error: { message: string; messageZh?: string } };
      expect(body.error.message, path).toMatch(/[a-z]{3}/);
      expect(body.error.messageZh, path).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('reports on paper: a record with no boundaries yet', { timeout: 60_000 }, () => {
  it('says what to import first instead of drawing an empty map', async () => {
    const { app } = await emptyApp();
    const { goals } = await getJson<{ goals: { year: number }[] }>(app, '/api/campaign');
    for (const path of [`/api/reports/township.pdf?year=${goals[0].year}`, '/api/reports/map.pdf']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: { message: string; messageZh: string } };
      expect(body.error.message).toContain('import the boundaries first');
      expect(body.error.messageZh).toContain('请先导入边界');
    }
  });
});

describe('reports on paper: 石塘镇, a township the product has never seen', { timeout: 120_000 }, () => {
  let app: App;
  beforeAll(async () => {
    const made = await emptyApp();
    app = made.app;
    await bringInShitang(made.ctx, { survey: 'fixed' });
  }, 120_000);

  it('makes its township summary and a village report with its own names and numbers', async () => {
    const campaign = await getJson<{ start: string }>(app, '/api/campaign');
    const year = Number(campaign.start.slice(0, 4));
    const at = `${year}-12-31`;
    const stats = await getJson<Stats>(app, `/api/stats?at=${at}`);
    const villages = (await getJson<GeoJSON.FeatureCollection>(app, '/api/villages')).features;
    const township = textOf(saved(await pdfOf(app, `/api/reports/township.pdf?year=${year}`), 'shitang.pdf'));
    expect(township).toContain('石塘镇');
    expect(township).not.toContain('丁桥镇');
    for (const v of villages) expect(township).toContain(String(v.properties?.name));
    expect(Number(/全镇合计\s+(\d+)/.exec(township)?.[1])).toBe(stats.surveyed);
    const busiest = villages.reduce((a, b) =>
      (stats.byVillage[String(b.id)]?.surveyed ?? 0) > (stats.byVillage[String(a.id)]?.surveyed ?? 0) ? b : a,
    );
    const pdf = saved(
      await pdfOf(app, `/api/reports/village/${busiest.id}.pdf?year=${year}`),
      'shitang-village.pdf',
    );
    const text = textOf(pdf);
    expect(text).toContain(`石塘镇${busiest.properties?.name}`);
    expect(Number(/合计\s+(\d+)/.exec(text)?.[1])).toBe(stats.byVillage[String(busiest.id)].surveyed);
    await pageOne(pdf, 'report-village-shitang');
    const map = saved(await pdfOf(app, `/api/reports/map.pdf?at=${at}`), 'shitang-map.pdf');
    expect(textOf(map, false)).toContain('石塘镇“十小”行业整治分布图');
    await pageOne(map, 'map-a3-shitang', 40);
  });
});
