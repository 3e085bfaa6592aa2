import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from './generate-demo';
import { writeDemo } from './write-demo';

const dir = mkdtempSync(join(tmpdir(), 'demo-'));
const demo = generateDemo({ premises: 150 });
const written = writeDemo(dir, demo);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small RFC 4180 reader, enough to read back what we wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('writeDemo', () => {
  it('writes the six files and says what it wrote', () => {
    expect(written.map((f) => f.path.slice(dir.length + 1))).toEqual([
      'township.geojson',
      'villages.geojson',
      'basemap.geojson',
      'campaign.json',
      'premises.csv',
      'events.csv',
    ]);
    for (const f of written) expect(f.bytes).toBe(readFileSync(f.path).length);
  });

  it('writes GeoJSON and campaign.json that read back to the same data', () => {
    expect(JSON.parse(readFileSync(join(dir, 'villages.geojson'), 'utf8'))).toEqual(demo.villages);
    expect(JSON.parse(readFileSync(join(dir, 'basemap.geojson'), 'utf8'))).toEqual(demo.basemap);
    expect(JSON.parse(readFileSync(join(dir, 'campaign.json'), 'utf8'))).toEqual(demo.campaign);
  });

  it('writes premises.csv with a BOM, the survey-list headers and one row per premise', () => {
    const text = readFileSync(join(dir, 'premises.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0].join(',')).toBe(
      '档案编号,名称,经营者,联系电话,身份证号,地址,所属村社区,村社区代码,行业,经度,纬度,坐标系,定位方式,重点对象,面积,从业人员,备注',
    );
    expect(rows).toHaveLength(151);
    const first = demo.premises[0];
    expect(rows[1].slice(0, 6)).toEqual([
      first.archiveNo,
      first.name,
      first.operator,
      first.phone,
      first.idNumber,
      first.address,
    ]);
    expect(rows[1][11]).toBe('WGS84');
    expect(Number(rows[1][9])).toBe(first.lngLat[0]);
    for (const row of rows.slice(1)) expect(row).toHaveLength(17);
  });

  it('writes events.csv grouped by premise and sorted by date within each', () => {
    const rows = parseCsv(readFileSync(join(dir, 'events.csv'), 'utf8'));
    expect(rows[0].join(',')).toBe(
      'archive_no,date,type,problems,deadline,passed,licence,licence_no,valid_to,note',
    );
    const body = rows.slice(1);
    expect(body).toHaveLength(demo.premises.reduce((n, p) => n + p.events.length, 0));
    const seen: string[] = [];
    body.forEach((row, i) => {
      if (seen.at(-1) !== row[0]) {
        expect(seen).not.toContain(row[0]);
        seen.push(row[0]);
        expect(row[2]).toBe('surveyed');
      } else expect(row[1] >= body[i - 1][1]).toBe(true);
      expect(row[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['', '0', '1']).toContain(row[5]);
    });
    expect(seen).toEqual(demo.premises.map((p) => p.archiveNo));
  });
});
