import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { recordFingerprint } from '../../../tests/helpers/record-fingerprint';
import { demoApp } from '../../../tests/helpers/test-app';
import { sendJson, upload } from '../../../tests/helpers/upload';
import { formatDay, todayInChina } from '../domain/dates';

const HEADERS = [
  '序号',
  '店名',
  '负责人',
  '联系电话',
  '身份证号',
  '经营地址',
  '所属村（社区）',
  '行业类别',
  '营业执照号',
  '有效期至',
  '经度',
  '纬度',
  '摸底日期',
  '备注',
];
const ROWS = [
  [
    '1',
    '新开张面馆',
    '王五',
    '13812345678',
    '11010519491231002X',
    '丁桥镇大唐村1组99号',
    '大唐村',
    '小吃',
    '330104600012345',
    '2011-05-31',
    '120.2101',
    '30.3418',
    '2008-03-15',
    '',
  ],
  [
    '2',
    '康乐理发',
    '赵六',
    '0571-86001234',
    '',
    '丁桥镇丁桥大道1号',
    '丁桥社区',
    '理发',
    '',
    '',
    '',
    '',
    '2008-04-01',
    '=1+2',
  ],
];

async function xlsxFile(rows: string[][] = ROWS, headers = HEADERS): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('摸底');
  s.mergeCells(1, 1, 1, headers.length);
  s.getCell(1, 1).value = '丁桥镇十小行业摸底登记表';
  s.addRow(headers);
  for (const r of rows) s.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
const csv = (rows: string[][], headers = HEADERS) => [headers, ...rows].map((r) => r.join(',')).join('\r\n');

async function staged(
  app: Awaited<ReturnType<typeof demoApp>>['app'],
  name: string,
  bytes: Uint8Array | string,
  fields: Record<string, string> = {},
) {
  const res = await upload(app, '/api/imports/premises', [{ name, bytes }], fields);
  expect(res.status).toBe(201);
  return (await res.json()) as {
    importId: number;
    mapping: Record<string, number>;
    columns: { header: string; field: string | null }[];
    [k: string]: unknown;
  };
}

describe('premises import: upload and mapping', { timeout: 30_000 }, () => {
  it('reads an XLSX with a title row, guesses the mapping and previews the rows', async () => {
    const { app } = await demoApp();
    const body = await staged(app, '摸底.xlsx', await xlsxFile());
    expect(body).toMatchObject({ format: 'xlsx', sheet: '摸底', headerRow: 2, rowCount: 2, missing: [] });
    expect(body.mapping).toMatchObject({
      name: 1,
      operator: 2,
      address: 5,
      village: 6,
      category: 7,
      businessNo: 8,
      businessValid: 9,
      lng: 10,
      lat: 11,
      surveyDate: 12,
    });
    expect((body.preview as { rowNo: number; cells: string[] }[])[0]).toEqual({ rowNo: 3, cells: ROWS[0] });
    expect(body.notes).toContain('the header is row 2; the rows above it were skipped as titles');
  });

  it('detects a GBK CSV', async () => {
    const { app } = await demoApp();
    const body = await staged(app, 'list.csv', new Uint8Array(iconv.encode(csv(ROWS), 'gbk')));
    expect(body).toMatchObject({ encoding: 'GB18030', rowCount: 2 });
    expect(body.columns[1]).toMatchObject({
      header: '店名',
      field: 'name',
      samples: ['新开张面馆', '康乐理发'],
    });
  });

  it('lets the mapping be corrected by header or index', async () => {
    const { app } = await demoApp();
    const headers = ['商户', '经营地址', '十小行业'];
    const body = await staged(app, 'l.csv', csv([['阿林小卖部', '丁桥镇大唐村1组23号', '小卖部']], headers));
    expect(body.missing).toEqual(['name']);
    const res = await sendJson(app, 'PUT', `/api/imports/${body.importId}/mapping`, {
      mapping: { name: '商户' },
      options: { crs: 'GCJ02' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      missing: [],
      mapping: { name: 0, address: 1, category: 2 },
      options: { crs: 'GCJ02' },
    });
    const bad = await sendJson(app, 'PUT', `/api/imports/${body.importId}/mapping`, {
      mapping: { name: '没有这列' },
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message).toBe(
      'mapping: name names the column "没有这列", but the file has no such column',
    );
  });

  it('refuses a dry run while a required field has no column', async () => {
    const { app } = await demoApp();
    const body = await staged(
      app,
      'l.csv',
      csv([['阿林小卖部', '丁桥镇大唐村1组23号', '小卖部']], ['商户', '经营地址', '十小行业']),
    );
    const res = await sendJson(app, 'POST', `/api/imports/${body.importId}/validate`);
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/^mapping: no column for 名称; map a column to each/);
  });
});

describe('premises import: bad files are refused and leave the record as it was', { timeout: 30_000 }, () => {
  it.each([
    [
      'an empty sheet',
      'empty.xlsx',
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Sheet1');
        return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      },
      422,
      'the worksheet "Sheet1" is empty: there are no rows to import',
    ],
    [
      'a truncated XLSX',
      'cut.xlsx',
      async () => (await xlsxFile()).subarray(0, 3000),
      400,
      /the Excel file is damaged or cut off and cannot be opened/,
    ],
    [
      'a header without rows',
      'h.csv',
      async () => new TextEncoder().encode(`${HEADERS.join(',')}\n`),
      422,
      'h.csv has a header row but no data rows below it',
    ],
    [
      'a picture',
      'photo.jpg',
      async () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0, 0, 0xff, 0xfe, 0x00, 0x81]),
      400,
      /neither an \.xlsx workbook nor a CSV text file/,
    ],
  ])('%s', async (_, name, bytes, status, message) => {
    const { app, db } = await demoApp();
    const before = recordFingerprint(db);
    const res = await upload(app, '/api/imports/premises', [{ name, bytes: await bytes() }]);
    expect(res.status).toBe(status);
    const body = await res.json();
    if (typeof message === 'string') expect(body.error.message).toBe(message);
    else expect(body.error.message).toMatch(message);
    expect(recordFingerprint(db)).toBe(before);
  });

  it('answers 413 saying the limit for an upload over 50 MB', async () => {
    const { app, db } = await demoApp();
    const before = recordFingerprint(db);
    const res = await upload(app, '/api/imports/premises', [
      { name: 'huge.csv', bytes: new Uint8Array(51 * 1024 * 1024).fill(0x41) },
    ]);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toEqual({
      code: 'payload_too_large',
      message: 'the upload is larger than the 50 MB limit; split the file or import it with the CLI',
      messageZh:
        '上传的文件超过 50 MB 的上限；请把文件拆成几份分别导入，或用命令行（npm run cli -- import）导入',
    });
    expect(recordFingerprint(db)).toBe(before);
  });

  it('wants a multipart upload', async () => {
    const { app } = await demoApp();
    const res = await sendJson(app, 'POST', '/api/imports/premises', { file: 'x' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe(
      'send the file as multipart/form-data with the field "file"',
    );
  });
});

describe('premises import: dry run, error report, commit, undo', { timeout: 30_000 }, () => {
  const badRows = [
    [
      '1',
      '反了的店',
      '李四',
      '13812345679',
      '',
      '丁桥镇丁桥大道2号',
      '',
      '小卖部',
      '',
      '',
      '30.3450',
      '120.2300',
      '2008-03-01',
      '',
    ],
    [
      '2',
      '巴黎的店',
      '李四',
      '13812345679',
      '',
      '巴黎',
      '',
      '小卖部',
      '',
      '',
      '2.3522',
      '48.8566',
      '2008-03-01',
      '',
    ],
    ['3', '', '李四', 'abc', '', '某地', '火星村', '五金店', '', '', '', '', '2007-05-01', ''],
  ];

  it('reports every problem by row, column and what was expected, with a downloadable report, and writes nothing', async () => {
    const { app, db } = await demoApp();
    const before = recordFingerprint(db);
    const body = await staged(app, 'bad.csv', csv(badRows));
    const res = await sendJson(app, 'POST', `/api/imports/${body.importId}/validate`);
    expect(res.status).toBe(200);
    const v = await res.json();
    expect(v).toMatchObject({ rowCount: 3, validRows: 1, invalidRows: 2 });
    expect(v.warnings).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: '经度',
        expected: expect.stringMatching(/were swapped \(经度 30\.3450, 纬度 120\.2300\)/),
      }),
    );
    expect(v.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '经度'],
      [4, '店名'],
      [4, '行业类别'],
      [4, '联系电话'],
      [4, '摸底日期'],
      [4, '所属村（社区）'],
    ]);
    expect(v.errors[0].expected).toMatch(/\(2\.3522, 48\.8566\) is outside China/);
    const report = await app.request(`/api/imports/${body.importId}/errors.csv`);
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await report.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('行号,列,内容,应为,级别,expected');
    expect(text).toContain('4,行业类别,五金店,十类行业之一：食品加工小作坊、');
    expect(text).toContain(',错误,one of the ten categories: 食品加工小作坊、');
    const commit = await sendJson(app, 'POST', `/api/imports/${body.importId}/commit`, {});
    expect(commit.status).toBe(422);
    expect((await commit.json()).error).toMatchObject({
      code: 'invalid_rows',
      message: expect.stringMatching(/^2 of 3 rows have errors \(6 in all\); nothing was imported/),
    });
    expect(recordFingerprint(db)).toBe(before);
  });

  it('imports new premises with their survey and licence records, then undoes exactly that', async () => {
    const { app, db, ctx } = await demoApp();
    const before = recordFingerprint(db);
    const count = ctx.model.columns.count;
    const body = await staged(app, '摸底.xlsx', await xlsxFile());
    const v = await (await sendJson(app, 'POST', `/api/imports/${body.importId}/validate`)).json();
    expect(v).toMatchObject({ validRows: 2, invalidRows: 0, newRows: 2, duplicates: [], geocoded: 1 });
    const res = await sendJson(app, 'POST', `/api/imports/${body.importId}/commit`, {});
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result).toMatchObject({ created: 2, merged: 0, skipped: 0, events: 3 });
    expect(ctx.model.columns.count).toBe(count + 2);

    const id = Number(db.prepare("SELECT id FROM premises WHERE name = '新开张面馆'").pluck().get());
    const premise = await (await app.request(`/api/premises/${id}`)).json();
    expect(premise).toMatchObject({
      name: '新开张面馆',
      category: 'restaurant',
      village: { name: '大唐村' },
      lngLat: [120.2101, 30.3418],
      geocodeMethod: 'manual',
      idNumber: '110105********002X',
    });
    expect(premise.events.map((e: { date: string; type: string }) => [e.date, e.type])).toEqual([
      ['2008-03-15', 'surveyed'],
      ['2008-03-15', 'licence_obtained'],
    ]);
    expect(premise.events[1]).toMatchObject({
      licence: 'business',
      licenceNo: '330104600012345',
      validTo: '2011-05-31',
    });
    const placed = db
      .prepare("SELECT geocode_method, village_id FROM premises WHERE name = '康乐理发'")
      .get() as { geocode_method: string };
    expect(placed.geocode_method).not.toBe('manual');

    const history = await (await app.request('/api/imports')).json();
    expect(history.imports[0]).toMatchObject({
      importId: body.importId,
      kind: 'premises',
      state: 'committed',
      fileName: '摸底.xlsx',
      result: { created: 2 },
    });
    const again = await sendJson(app, 'POST', `/api/imports/${body.importId}/commit`, {});
    expect(again.status).toBe(409);

    const undo = await sendJson(app, 'POST', `/api/imports/${body.importId}/undo`);
    expect(await undo.json()).toMatchObject({ removedPremises: 2, revertedMerges: 0 });
    expect(ctx.model.columns.count).toBe(count);
    const after = JSON.parse(recordFingerprint(db));
    const start = JSON.parse(before);
    expect(after.slice(0, 5)).toEqual(start.slice(0, 5));
    expect((await (await app.request('/api/imports')).json()).imports[0].state).toBe('undone');
  });

  it('finds duplicates of premises on record, skips or merges them as asked, and undoes a merge', async () => {
    const { app, db } = await demoApp();
    const rows = [
      [
        '1',
        '阿林熟食加工坊',
        '张雪林',
        '13900000000',
        '',
        '杭州市江干区丁桥镇大唐村1组23号',
        '大唐村',
        '食品加工小作坊',
        '330104699999999',
        '2012-12-31',
        '',
        '',
        '2008-03-15',
        '已核实',
      ],
      [
        '2',
        '阳光出租客运',
        '周美华',
        '13900000001',
        '',
        '丁桥镇丁桥大道356号',
        '丁桥社区',
        '小客运',
        '',
        '',
        '',
        '',
        '2008-03-15',
        '',
      ],
    ];
    const body = await staged(app, 'dup.csv', csv(rows));
    const v = await (await sendJson(app, 'POST', `/api/imports/${body.importId}/validate`)).json();
    expect(v.duplicates).toEqual([
      expect.objectContaining({
        row: 2,
        existingId: 1,
        name: '阿林熟食加工坊',
        score: 1,
        reason: 'name_and_address',
      }),
      expect.objectContaining({ row: 3, existingId: 2, score: 1 }),
    ]);
    const beforePhone = db.prepare('SELECT phone FROM premises WHERE id = 1').pluck().get();
    const res = await sendJson(app, 'POST', `/api/imports/${body.importId}/commit`, {
      duplicates: 'skip',
      rows: { '2': 'merge' },
    });
    expect(await res.json()).toMatchObject({ created: 0, merged: 1, skipped: 1, events: 1 });
    expect(db.prepare('SELECT phone, notes FROM premises WHERE id = 1').get()).toEqual({
      phone: '13900000000',
      notes: '已核实',
    });
    const licences = db
      .prepare("SELECT licence_no FROM events WHERE premise_id = 1 AND type = 'licence_obtained'")
      .pluck()
      .all();
    expect(licences).toContain('330104699999999');

    const undo = await sendJson(app, 'POST', `/api/imports/${body.importId}/undo`);
    expect(await undo.json()).toMatchObject({ revertedMerges: 1, removedEvents: 1 });
    expect(db.prepare('SELECT phone FROM premises WHERE id = 1').pluck().get()).toBe(beforePhone);
    expect(db.prepare("SELECT count(*) FROM events WHERE licence_no = '330104699999999'").pluck().get()).toBe(
      0,
    );
  });

  it('will not undo over records added since, unless forced', async () => {
    const { app, db } = await demoApp();
    const body = await staged(app, '摸底.xlsx', await xlsxFile());
    await sendJson(app, 'POST', `/api/imports/${body.importId}/commit`, {});
    const id = Number(db.prepare("SELECT id FROM premises WHERE name = '新开张面馆'").pluck().get());
    expect(
      (await sendJson(app, 'POST', `/api/premises/${id}/events`, { date: '2008-05-01', type: 'inspected' }))
        .status,
    ).toBe(201);
    const refused = await sendJson(app, 'POST', `/api/imports/${body.importId}/undo`);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(
      /cannot be undone cleanly: 1 records were added to premises it created. Undo with force/,
    );
    const forced = await sendJson(app, 'POST', `/api/imports/${body.importId}/undo`, { force: true });
    expect(forced.status).toBe(200);
    expect(db.prepare('SELECT count(*) FROM premises WHERE id = ?').pluck().get(id)).toBe(0);
  });

  it('reports progress and defaults the survey date to today', async () => {
    const { app, db } = await demoApp();
    const rows = [
      [
        '1',
        '今天的店',
        '王五',
        '',
        '',
        '丁桥镇大唐村1组98号',
        '大唐村',
        '小卖部',
        '',
        '',
        '120.2101',
        '30.3418',
        '',
        '',
      ],
    ];
    const body = await staged(app, 't.csv', csv(rows));
    expect(await (await app.request(`/api/imports/${body.importId}/progress`)).json()).toMatchObject({
      phase: 'staged',
      total: 1,
      parsed: 1,
    });
    const started = await sendJson(app, 'POST', `/api/imports/${body.importId}/commit?wait=0`, {});
    expect(started.status).toBe(202);
    let progress: { phase: string; written: number } = { phase: '', written: 0 };
    for (let i = 0; i < 100 && progress.phase !== 'committed'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      progress = await (await app.request(`/api/imports/${body.importId}/progress`)).json();
    }
    expect(progress).toMatchObject({ phase: 'committed', written: 1 });
    const day = db
      .prepare("SELECT e.day FROM events e JOIN premises p ON p.id = e.premise_id WHERE p.name = '今天的店'")
      .pluck()
      .get();
    expect(formatDay(Number(day))).toBe(formatDay(todayInChina()));
  });

  it('answers 404 for an import that does not exist', async () => {
    const { app } = await demoApp();
    const res = await sendJson(app, 'POST', '/api/imports/999/validate');
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe('premises import 999 not found');
  });
});
