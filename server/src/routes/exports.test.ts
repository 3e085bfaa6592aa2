import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { accountToken, actingAs, demoApp, getJson } from '../../../tests/helpers/test-app';
import { sendJson, upload } from '../../../tests/helpers/upload';
import { searchAudit } from '../db/audit';
import { listVillages } from '../db/geography';
import { readGeoPackage } from '../db/geopackage';
import { departmentCategories } from '../domain/auth/roles';
import { readKml } from '../domain/import/read-kml';

const AT = '2009-06-30';
type App = Awaited<ReturnType<typeof demoApp>>['app'];

async function bytesOf(app: App, path: string): Promise<{ res: Response; bytes: Uint8Array }> {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Imports premises whose text cells would run as formulas in a spreadsheet. */
async function importFormulas(app: App): Promise<void> {
  const rows = [
    [
      '=HYPERLINK("http://evil.example","点我")',
      '丁桥镇大唐村1组201号',
      '大唐村',
      '小卖部',
      '+1+1',
      '120.2101',
      '30.3418',
      '2008-03-15',
    ],
    ['@SUM(1,2)', '丁桥镇大唐村1组202号', '大唐村', '小卖部', '-2+3', '120.2102', '30.3419', '2008-03-15'],
  ];
  const text = [['名称', '地址', '所属村', '行业', '备注', '经度', '纬度', '摸底日期'], ...rows]
    .map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))
    .join('\n');
  const staged = await (await upload(app, '/api/imports/premises', [{ name: 'f.csv', bytes: text }])).json();
  const res = await sendJson(app, 'POST', `/api/imports/${staged.importId}/commit`, {});
  expect(res.status).toBe(200);
}

describe('premise exports', { timeout: 30_000 }, () => {
  it('writes the ledger as XLSX: title, bold frozen header, widths, the premises on the date, ID numbers masked', async () => {
    const { app } = await demoApp();
    const stats = await getJson<{ surveyed: number }>(app, `/api/stats?at=${AT}`);
    const { res, bytes } = await bytesOf(app, `/api/exports/premises.xlsx?at=${AT}`);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toContain(`filename="premises-${AT}.xlsx"`);
    expect(res.headers.get('x-row-count')).toBe(String(stats.surveyed));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('台账');
    if (!sheet) throw new Error('no 台账 sheet');
    expect(sheet.getCell('A1').value).toBe(`丁桥镇十小整治台账（${AT}）`);
    expect(String(sheet.getCell('A2').value)).toMatch(
      new RegExp(`^状态截至 ${AT}；村社区：全部；.*共 ${stats.surveyed} 户；身份证号已脱敏`),
    );
    const header = sheet.getRow(3).values as string[];
    expect(header.slice(1, 12)).toEqual([
      '序号',
      '档案编号',
      '名称',
      '经营者',
      '联系电话',
      '身份证号',
      '地址',
      '所属村社区',
      '村社区代码',
      '行业',
      '状态',
    ]);
    expect(sheet.getRow(3).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getColumn(3).width).toBe(24);
    expect(sheet.rowCount).toBe(3 + stats.surveyed);
    expect(String(sheet.getCell('F4').value)).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const full = await bytesOf(app, `/api/exports/premises.xlsx?at=${AT}&full=1`);
    const wbFull = new ExcelJS.Workbook();
    await wbFull.xlsx.load(Buffer.from(full.bytes) as unknown as ExcelJS.Buffer);
    expect(String(wbFull.getWorksheet('台账')?.getCell('F4').value)).toMatch(/^\d{17}[\dX]$/);
  });

  it('neutralises cells that would run as formulas, in XLSX and CSV', async () => {
    const { app } = await demoApp();
    await importFormulas(app);
    const { bytes } = await bytesOf(app, '/api/exports/premises.xlsx?category=grocery');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('台账') as ExcelJS.Worksheet;
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain('\'=HYPERLINK("http://evil.example","点我")');
    expect(values).toContain("'@SUM(1,2)");
    expect(values).toContain("'+1+1");
    expect(values).toContain("'-2+3");
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(values.filter((v) => typeof v === 'string' && /^[=+\-@]/.test(v))).toEqual([]);

    const csv = new TextDecoder().decode(
      (await bytesOf(app, '/api/exports/premises.csv?category=grocery')).bytes,
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(csv).toContain(`"'@SUM(1,2)"`);
    expect(csv).toContain(",'+1+1\r\n");
  });

  it('writes CSV in UTF-8 with BOM that imports again as the same premises', async () => {
    const { app } = await demoApp();
    const { res, bytes } = await bytesOf(app, `/api/exports/premises.csv?at=${AT}&village=1`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toMatch(
      /^序号,档案编号,名称,经营者,联系电话,身份证号,地址,所属村社区,村社区代码,行业,状态,无证照,/,
    );
    const staged = await (await upload(app, '/api/imports/premises', [{ name: 'again.csv', bytes }])).json();
    expect(staged.missing).toEqual([]);
    const v = await (await sendJson(app, 'POST', `/api/imports/${staged.importId}/validate`)).json();
    expect(v).toMatchObject({ invalidRows: 0, newRows: 0 });
    expect(v.warnings[0].expected).toMatch(/masked \(an exported ledger\?\) and is left out/);
    expect(
      v.duplicates.every(
        (d: { reason: string; score: number }) => d.reason === 'archive_no' && d.score === 1,
      ),
    ).toBe(true);
    expect(v.duplicates).toHaveLength(Number(res.headers.get('x-row-count')));
  });

  it('filters by village, category and status on the date, as the map does', async () => {
    const { app } = await demoApp();
    const stats = await getJson<{
      byStatus: Record<string, number>;
      byCategory: Record<string, { surveyed: number }>;
    }>(app, `/api/stats?at=${AT}`);
    const count = async (q: string) =>
      Number((await app.request(`/api/exports/premises.geojson?at=${AT}&${q}`)).headers.get('x-row-count'));
    expect(await count('status=compliant')).toBe(stats.byStatus.compliant);
    expect(await count('category=restaurant')).toBe(stats.byCategory.restaurant.surveyed);
    expect(await count('category=restaurant,grocery')).toBe(
      stats.byCategory.restaurant.surveyed + stats.byCategory.grocery.surveyed,
    );
    expect(await count('status=pending,rectifying')).toBe(stats.byStatus.pending + stats.byStatus.rectifying);
    const byVillage = await getJson<{ byVillage: Record<string, { surveyed: number }> }>(
      app,
      `/api/stats?at=${AT}&village=2`,
    );
    expect(await count('village=2')).toBe(byVillage.byVillage['2'].surveyed);
  });

  it('refuses filters that name nothing', async () => {
    const { app } = await demoApp();
    const err = async (q: string) => {
      const res = await app.request(`/api/exports/premises.csv?${q}`);
      return [res.status, (await res.json()).error.message];
    };
    expect(await err('status=open')).toEqual([
      400,
      'status: expected one of pending, rectifying, compliant, model, closed, converted (got open)',
    ]);
    expect(await err('village=999')).toEqual([404, 'village 999 not found']);
    expect(await err('category=bakery')).toEqual([404, 'category bakery not found']);
    expect((await err('at=2009-02-30'))[0]).toBe(400);
    expect(await err('full=yes')).toEqual([400, 'full: expected 0 or 1 (完整导出参数 full 应为 0 或 1)']);
  });

  it('writes GeoJSON points with the status on the date', async () => {
    const { app } = await demoApp();
    const fc = JSON.parse(
      new TextDecoder().decode(
        (await bytesOf(app, `/api/exports/premises.geojson?at=${AT}&village=1`)).bytes,
      ),
    );
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point' },
      properties: { status: expect.any(String), statusName: expect.any(String), village: expect.any(String) },
    });
  });

  it('streams CSV and GeoJSON in chunks (never one string) that make the whole file', async () => {
    const { app } = await demoApp();
    const stats = await getJson<{ surveyed: number }>(app, `/api/stats?at=${AT}`);
    for (const format of ['csv', 'geojson']) {
      const res = await app.request(`/api/exports/premises.${format}?at=${AT}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-row-count')).toBe(String(stats.surveyed));
      const chunks: Uint8Array[] = [];
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
      const whole = Buffer.concat(chunks);
      // The demo's premises come in several reads of the database, each its own piece of the body.
      expect(chunks.length, format).toBeGreaterThan(2);
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(whole.length / 2);
      const text = new TextDecoder().decode(whole);
      if (format === 'csv') {
        const lines = text.split('\r\n');
        expect(lines.at(-1)).toBe('');
        expect(lines).toHaveLength(1 + stats.surveyed + 1);
        expect(lines.slice(1, -1).map((l) => Number(l.split(',')[0]))).toEqual(
          Array.from({ length: stats.surveyed }, (_, i) => i + 1),
        );
      } else {
        const fc = JSON.parse(text) as GeoJSON.FeatureCollection;
        expect(fc.features).toHaveLength(stats.surveyed);
        const ids = fc.features.map((f) => Number(f.id));
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
        expect(new Set(ids).size).toBe(ids.length);
      }
    }
  });

  it('writes a GeoPackage that reads back, and that GDAL opens', async () => {
    const { app } = await demoApp();
    const { res, bytes } = await bytesOf(app, `/api/exports/premises.gpkg?at=${AT}`);
    expect(res.headers.get('content-type')).toBe('application/geopackage+sqlite3');
    const gpkg = readGeoPackage(bytes, 'p.gpkg');
    expect(gpkg).toMatchObject({ table: 'premises', srsId: 4326 });
    expect(gpkg.features).toHaveLength(Number(res.headers.get('x-row-count')));
    expect(gpkg.features[0].geometry?.type).toBe('Point');
    expect(gpkg.features[0].properties).toMatchObject({
      archive_no: expect.any(String),
      status_name: expect.any(String),
    });
    const ogrinfo = ['/usr/bin/ogrinfo', '/usr/local/bin/ogrinfo'].find(existsSync);
    if (!ogrinfo) throw new Error('ogrinfo not found: apt-get install gdal-bin');
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    try {
      writeFileSync(join(dir, 'p.gpkg'), bytes);
      const out = execFileSync(ogrinfo, ['-so', '-al', join(dir, 'p.gpkg')], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(out).toContain(`Feature Count: ${gpkg.features.length}`);
      expect(out).toContain('Geometry: Point');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

type Properties = {
  id: number;
  villageCode: string;
  category: string;
  operator: string | null;
  phone: string | null;
  idNumber: string | null;
};

/** The premise ledger as GeoJSON features, as `app` (some account) downloads it. */
async function ledger(app: App, query = ''): Promise<Properties[]> {
  const fc = JSON.parse(
    new TextDecoder().decode((await bytesOf(app, `/api/exports/premises.geojson?at=${AT}${query}`)).bytes),
  ) as GeoJSON.FeatureCollection;
  return fc.features.map((f) => f.properties as Properties);
}

describe('premise exports by role', { timeout: 30_000 }, () => {
  it("gives a village officer their villages' premises only, and refuses another village by name", async () => {
    const { app, anonymous, db } = await demoApp();
    const [home, away] = listVillages(db);
    const officer = actingAs(
      anonymous,
      accountToken(db, 'cunguan', 'village', { villageCodes: [home.code] }),
    );
    const theirs = await ledger(officer);
    expect(theirs.length).toBeGreaterThan(0);
    expect(new Set(theirs.map((p) => p.villageCode))).toEqual(new Set([home.code]));
    expect(theirs.map((p) => p.id)).toEqual((await ledger(app, `&village=${home.id}`)).map((p) => p.id));
    const res = await officer.request(`/api/exports/premises.csv?at=${AT}&village=${away.id}`);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe(
      `village ${away.id} (${away.name}) is outside the villages or trades this account keeps`,
    );
  });

  it("gives an inspector their department's trades only", async () => {
    const { app, anonymous, db } = await demoApp();
    const trades = departmentCategories('police');
    const inspector = actingAs(
      anonymous,
      accountToken(db, 'paichusuo', 'inspector', { department: 'police' }),
    );
    const theirs = await ledger(inspector);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((p) => trades.includes(p.category as never))).toBe(true);
    expect(theirs.map((p) => p.id)).toEqual(
      (await ledger(app, `&category=${trades.join(',')}`)).map((p) => p.id),
    );
  });

  it("masks a leader's phones (and every role's ID numbers); the admin sees phones in full", async () => {
    const { app, anonymous, db } = await demoApp();
    const leader = actingAs(anonymous, accountToken(db, 'lingdao', 'leader'));
    const office = new Map((await ledger(app)).map((p) => [p.id, p]));
    const seen = (await ledger(leader)).filter((p) => p.phone);
    expect(seen.length).toBeGreaterThan(0);
    for (const p of seen) {
      const full = office.get(p.id) as Properties;
      expect(p.phone).toMatch(/^\d{3}\*+\d{4}$/);
      expect(full.phone).not.toContain('*');
      expect(p.operator).toBe(full.operator);
      if (p.idNumber) expect(p.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(
      Buffer.from(
        (await bytesOf(leader, `/api/exports/premises.xlsx?at=${AT}`)).bytes,
      ) as unknown as ExcelJS.Buffer,
    );
    expect(String(xlsx.getWorksheet('台账')?.getCell('A2').value)).toMatch(/；联系电话、身份证号已脱敏$/);
  });

  it('refuses ?full=1 to a leader; gives it to the admin, and logs every export with who, what and whether full', async () => {
    const { app, anonymous, db } = await demoApp();
    const leader = actingAs(anonymous, accountToken(db, 'lingdao', 'leader'));
    const refused = await leader.request(`/api/exports/premises.csv?at=${AT}&full=1`);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('may not export full personal data (export.full)'),
    });
    const full = await ledger(app, '&full=1&village=1');
    expect(full.some((p) => p.idNumber && /^\d{17}[\dX]$/.test(p.idNumber))).toBe(true);
    await ledger(leader, '&status=compliant');
    const logged = searchAudit(db, { action: 'export', entity: 'premises', limit: 10, offset: 0 }).items;
    expect(logged.map((i) => [i.actor, i.after])).toEqual([
      [
        'lingdao',
        {
          format: 'geojson',
          filters: { at: AT, village: null, category: null, status: 'compliant' },
          count: expect.any(Number),
          full: false,
        },
      ],
      [
        'test-admin',
        {
          format: 'geojson',
          filters: { at: AT, village: 1, category: null, status: null },
          count: full.length,
          full: true,
        },
      ],
    ]);
  });

  it('logs the scope of a scoped export', async () => {
    const { anonymous, db } = await demoApp();
    const inspector = actingAs(anonymous, accountToken(db, 'gongshang', 'inspector', { department: 'aic' }));
    const rows = await ledger(inspector);
    const [item] = searchAudit(db, { action: 'export', limit: 1, offset: 0 }).items;
    expect(item.after).toMatchObject({
      count: rows.length,
      filters: { scopeCategories: departmentCategories('aic') },
    });
  });

  it('refuses the ledger to a viewer (export.ledger)', async () => {
    const { anonymous, db } = await demoApp();
    const viewer = actingAs(anonymous, accountToken(db, 'kankan', 'viewer'));
    for (const format of ['xlsx', 'csv', 'geojson', 'gpkg']) {
      const res = await viewer.request(`/api/exports/premises.${format}?at=${AT}`);
      expect(res.status, format).toBe(403);
    }
    expect(searchAudit(db, { action: 'export', limit: 1, offset: 0 }).total).toBe(0);
  });
});

describe('key-area premise lists carry no personal data', { timeout: 30_000 }, () => {
  const everywhere = {
    type: 'Polygon',
    coordinates: [
      [
        [119, 29],
        [121, 29],
        [121, 31],
        [119, 31],
        [119, 29],
      ],
    ],
  };

  it('lists name, address, trade, village and status only, within the scope, as JSON and CSV', async () => {
    const { anonymous, db } = await demoApp();
    const [home] = listVillages(db);
    const officer = actingAs(
      anonymous,
      accountToken(db, 'cunguan', 'village', { villageCodes: [home.code] }),
    );
    const page = await (
      await sendJson(officer, 'POST', '/api/areas/premises', { geometry: everywhere, at: AT, pageSize: 500 })
    ).json();
    expect(page.total).toBeGreaterThan(0);
    for (const p of page.premises) {
      expect(Object.keys(p).sort()).toEqual(
        ['address', 'archiveNo', 'category', 'id', 'name', 'status', 'unlicensed', 'village'].sort(),
      );
      expect(p.village.id).toBe(home.id);
    }
    const csv = await (
      await sendJson(officer, 'POST', '/api/areas/premises.csv', { geometry: everywhere, at: AT })
    ).text();
    expect(csv.split('\r\n')[0]).toBe('档案编号,名称,行业,所属村社区,状态,无证照,地址');
  });
});

describe('village and key-area exports', { timeout: 30_000 }, () => {
  it('writes the villages as GeoJSON and as KML', async () => {
    const { app } = await demoApp();
    const villages = await getJson<GeoJSON.FeatureCollection>(app, '/api/villages');
    const fc = JSON.parse(
      new TextDecoder().decode((await bytesOf(app, '/api/exports/villages.geojson')).bytes),
    );
    expect(fc.features).toHaveLength(villages.features.length);
    expect(fc.features[0].properties).toMatchObject({
      code: villages.features[0].properties?.code,
      name: villages.features[0].properties?.name,
    });
    const kml = readKml(new TextDecoder().decode((await bytesOf(app, '/api/exports/villages.kml')).bytes));
    expect(kml.features).toHaveLength(villages.features.length);
    expect(kml.features[0].properties.name).toBe(villages.features[0].properties?.name);
    expect(kml.features[0].geometry).toEqual(villages.features[0].geometry);
  });

  it('writes the key areas as GeoJSON and as KML', async () => {
    const { app } = await demoApp();
    const geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [120.21, 30.34],
          [120.22, 30.34],
          [120.22, 30.35],
          [120.21, 30.34],
        ],
      ],
    };
    expect(
      (await sendJson(app, 'POST', '/api/areas', { name: '大唐村集中区', reason: 'concentration', geometry }))
        .status,
    ).toBe(201);
    const fc = JSON.parse(new TextDecoder().decode((await bytesOf(app, '/api/exports/areas.geojson')).bytes));
    expect(fc.features).toMatchObject([
      { properties: { name: '大唐村集中区', reason: 'concentration' }, geometry },
    ]);
    const kml = readKml(new TextDecoder().decode((await bytesOf(app, '/api/exports/areas.kml')).bytes));
    expect(kml.features[0].properties.name).toBe('大唐村集中区');
  });
});
