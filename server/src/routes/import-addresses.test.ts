import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { recordFingerprint } from '../../../tests/helpers/record-fingerprint';
import { accountToken, actingAs, demoApp, getJson } from '../../../tests/helpers/test-app';
import { sendJson, upload } from '../../../tests/helpers/upload';
import { createApp } from '../app';
import { boot } from '../boot';

type App = Awaited<ReturnType<typeof demoApp>>;

interface Issue {
  row: number;
  column: string;
  value: string;
  expected: string;
}

interface AddressImport {
  importId: number;
  kind: 'addresses';
  state: string;
  format: string;
  encoding: string | null;
  rowCount: number;
  imported: number;
  rejected: number;
  errors: Issue[];
  warnings: Issue[];
  notes: string[];
  crs: string[];
}

const CSV = [
  '村/社区,组,路,号,经度,纬度',
  '沿山村,9,,88,120.2482,30.3769',
  ',,长睦路,999,120.2361,30.3491',
].join('\r\n');

const plates = (db: App['db']) => Number(db.prepare('SELECT count(*) FROM address_points').pluck().get());

async function geocode(app: App['app'], address: string) {
  return (await (await sendJson(app, 'POST', '/api/geocode', { address })).json()) as {
    method: string | null;
    lngLat: [number, number] | null;
  };
}

function importFile(app: App['app'], name: string, bytes: Uint8Array | string, fields = {}) {
  return upload(app, '/api/imports/addresses', [{ name, bytes }], fields);
}

describe('POST /api/imports/addresses', { timeout: 30_000 }, () => {
  it('imports a CSV as an import job: matched at once, in the history, and undone', async () => {
    const { app, db } = await demoApp();
    expect((await geocode(app, '丁桥镇沿山村九组八十八号')).method).not.toBe('address_point');
    const res = await importFile(app, '门牌.csv', CSV);
    expect(res.status).toBe(201);
    const body = (await res.json()) as AddressImport;
    expect(body).toMatchObject({
      kind: 'addresses',
      state: 'committed',
      format: 'csv',
      encoding: 'UTF-8',
      rowCount: 2,
      imported: 2,
      rejected: 0,
      errors: [],
      warnings: [],
      crs: ['WGS84'],
    });
    expect(body.notes).toContain(
      'rows without a 坐标系 (2) were read as WGS-84 经纬度 (the default; choose another with crs)',
    );
    expect(await geocode(app, '丁桥镇沿山村九组八十八号')).toMatchObject({
      method: 'address_point',
      lngLat: [120.2482, 30.3769],
    });
    expect(await getJson(app, '/api/geocode/address-points')).toEqual({
      count: { import: 2, correction: 0 },
    });
    const history = await getJson<{ imports: { importId: number; kind: string; state: string }[] }>(
      app,
      '/api/imports',
    );
    expect(history.imports[0]).toMatchObject({
      importId: body.importId,
      kind: 'addresses',
      state: 'committed',
    });
    expect(await getJson(app, `/api/imports/${body.importId}`)).toMatchObject({
      imported: 2,
      state: 'committed',
    });

    const undo = await sendJson(app, 'POST', `/api/imports/${body.importId}/undo`);
    expect(undo.status).toBe(200);
    expect(await undo.json()).toMatchObject({ removedAddressPoints: 2, removedPremises: 0 });
    expect(plates(db)).toBe(0);
    expect((await geocode(app, '丁桥镇沿山村九组八十八号')).method).not.toBe('address_point');
  });

  it('reads a GBK CSV, an XLSX with a title row, and GeoJSON points', async () => {
    const { app, db } = await demoApp();
    const gbk = await importFile(app, '门牌.csv', new Uint8Array(iconv.encode(CSV, 'gbk')));
    expect(await gbk.json()).toMatchObject({ imported: 2, encoding: 'GB18030' });

    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('门牌');
    sheet.addRow(['丁桥镇门牌登记表']);
    sheet.addRow(['标准地址', '经度', '纬度']);
    sheet.addRow(['丁桥镇大唐村2组5号', '120.2101', '30.3419']);
    const xlsx = await importFile(
      app,
      '门牌.xlsx',
      new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer),
    );
    expect(xlsx.status).toBe(201);
    const read = (await xlsx.json()) as AddressImport;
    expect(read).toMatchObject({ format: 'xlsx', encoding: null, imported: 1 });
    expect(read.notes).toContain('the header is row 2; the rows above it were skipped as titles');

    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 路: '同协路', 号: 5 },
          geometry: { type: 'Point', coordinates: [120.224, 30.3352] },
        },
      ],
    };
    const geojson = await importFile(app, '门牌.geojson', JSON.stringify(fc));
    expect(await geojson.json()).toMatchObject({ imported: 1, format: 'geojson' });
    expect(plates(db)).toBe(4);
  });

  it('imports the good rows and reports the bad ones by row, column, value and what was expected', async () => {
    const { app, db } = await demoApp();
    const bad = `${CSV}\r\n火星村,1,,1,120.24,30.35\r\n沿山村,1,,x,120.24,30.35\r\n沿山村,2,,7,30.3769,120.2482`;
    const res = await importFile(app, '门牌.csv', bad);
    expect(res.status).toBe(201);
    const body = (await res.json()) as AddressImport;
    expect(body).toMatchObject({ rowCount: 5, imported: 3, rejected: 2 });
    expect(body.errors).toEqual([
      {
        row: 4,
        column: '村/社区',
        field: 'village',
        value: '火星村',
        expected: expect.stringMatching(/^one of the township's villages or communities: /),
        expectedZh: expect.stringMatching(/^本镇的村（社区）之一：/),
      },
      {
        row: 5,
        column: '号',
        field: 'number',
        value: 'x',
        expected: 'a door number from 1 to 99999, e.g. 23 or 23号',
        expectedZh: '1 到 99999 的门牌号，如：23 或 23号',
      },
    ]);
    expect(body.warnings).toEqual([
      expect.objectContaining({
        row: 6,
        column: '经度',
        expected: expect.stringContaining('they were swapped'),
      }),
    ]);
    expect(plates(db)).toBe(3);
    const report = await app.request(`/api/imports/${body.importId}/errors.csv`);
    expect(report.status).toBe(200);
    const lines = (await report.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('行号,列,内容,应为,级别,expected');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '4,村/社区,火星村',
      '5,号,x',
      '6,经度,30.3769',
    ]);
  });

  it('with strict=1 writes nothing when any row is bad, and still keeps the error report', async () => {
    const { app, db } = await demoApp();
    const before = recordFingerprint(db);
    const res = await importFile(app, '门牌.csv', `${CSV}\r\n沿山村,1,,x,120.24,30.35`, { strict: '1' });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as {
      error: { code: string; message: string; details: AddressImport };
    };
    expect(error.code).toBe('rows_refused');
    expect(error.message).toBe(
      '1 of 3 rows have errors; with strict nothing was imported (the error report lists every problem)',
    );
    expect(error.details).toMatchObject({ imported: 0, rejected: 1, errors: [{ row: 4, column: '号' }] });
    expect(plates(db)).toBe(0);
    expect(recordFingerprint(db)).toBe(before);
    const report = await app.request(`/api/imports/${error.details.importId}/errors.csv`);
    expect(await report.text()).toContain('4,号,x,');
  });

  it('refuses a file in which no row is good, with the same body inside the error', async () => {
    const { app, db } = await demoApp();
    const res = await importFile(app, '门牌.csv', '路,号,经度,纬度\r\n长睦路,1,121.5,31.2');
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; details: AddressImport } };
    expect(error).toMatchObject({ code: 'rows_refused', details: { imported: 0, rejected: 1 } });
    expect(error.details.errors[0].expected).toMatch(/^a point inside one of the township's villages/);
    expect(plates(db)).toBe(0);
  });

  it('converts the coordinate system chosen for the file', async () => {
    const { app, db } = await demoApp();
    const res = await importFile(app, '高德.csv', '路,号,经度,纬度\r\n长睦路,999,120.2408,30.3466', {
      crs: 'GCJ02',
    });
    expect(await res.json()).toMatchObject({ imported: 1, crs: ['GCJ02'] });
    const [lng, lat] = db.prepare('SELECT lng, lat FROM address_points').raw().get() as [number, number];
    expect(lng).toBeCloseTo(120.2361, 3);
    expect(lat).toBeCloseTo(30.3491, 3);
    const unknown = await importFile(app, 'x.csv', CSV, { crs: 'EPSG:4549' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown_crs');
  });

  it('says once to import the villages first on a record without any', async () => {
    const { ctx, db } = await boot(':memory:', null);
    const app = actingAs(createApp(ctx), accountToken(db, 'admin', 'admin'));
    // Latitude and longitude swapped: once a database CHECK failure, now never reached.
    const res = await importFile(app, '门牌.csv', '路,号,经度,纬度\r\n长睦路,12,30.305,120.206');
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: {
        code: 'no_villages',
        message:
          'there are no villages on record yet: import the village boundaries first (数据管理 → 导入边界, or npm run cli -- import boundaries FILE), then the door plates',
        messageZh: '系统里还没有村（社区）：请先导入村界（数据管理 → 导入边界），再导入门牌',
      },
    });
    expect(plates(db)).toBe(0);
  });

  it('refuses what is not a door-plate list, saying why', async () => {
    const { app, db } = await demoApp();
    const json = await sendJson(app, 'POST', '/api/imports/addresses', { file: 'x' });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: { message: string } }).error.message).toBe(
      'send the file as multipart/form-data with the field "file"',
    );
    const broken = await importFile(app, 'p.geojson', '{"type":');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(
      /^p\.geojson is not valid JSON/,
    );
    const noCoordinates = await importFile(app, 'p.csv', '村,组,号\r\n大唐村,1,23');
    expect(noCoordinates.status).toBe(422);
    expect(((await noCoordinates.json()) as { error: { message: string } }).error.message).toMatch(
      /^p\.csv, header row 1: no column for 经度、纬度;/,
    );
    expect(plates(db)).toBe(0);
  });

  it('answers 413 for an upload over the limit', async () => {
    const { app, db } = await demoApp();
    const res = await importFile(app, 'huge.csv', new Uint8Array(51 * 1024 * 1024).fill(0x41));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(plates(db)).toBe(0);
  });
});

describe('the import routes take JSON as JSON', { timeout: 30_000 }, () => {
  it('undoes with no body, and refuses a text/plain body with 415', async () => {
    const { app, db } = await demoApp();
    const { importId } = (await (await importFile(app, '门牌.csv', CSV)).json()) as AddressImport;
    const plain = await app.request(`/api/imports/${importId}/undo`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"force":true}',
    });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toEqual({
      error: {
        code: 'unsupported_media_type',
        message: 'expected a JSON body sent as Content-Type: application/json, not text/plain',
        messageZh: '请求内容应为 JSON，并以 Content-Type: application/json 发送，而不是 text/plain',
      },
    });
    expect(plates(db)).toBe(2);
    expect((await app.request(`/api/imports/${importId}/undo`, { method: 'POST' })).status).toBe(200);
    expect(plates(db)).toBe(0);
  });
});
