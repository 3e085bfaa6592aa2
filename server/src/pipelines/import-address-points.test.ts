import { describe, expect, it } from 'vitest';
import { testBoot } from '../../../tests/helpers/test-app';
import { csvText } from '../domain/csv-text';
import type { ImportError } from '../domain/import/import-error';
import type { AddressRowIssue } from '../domain/import/read-address-point-row';
import { importAddressPoints } from './import-address-points';

const HEADERS = ['村/社区', '组', '路', '小区', '幢', '号', '地址', '经度', '纬度', '坐标系'] as const;
type Row = Partial<Record<(typeof HEADERS)[number], string>>;

// Positions of real plates in the demo township (from its survey list).
const DATANG = { 经度: '120.210104', 纬度: '30.341777' }; // 大唐村1组23号
const CHANGMU_ROAD = { 经度: '120.236183', 纬度: '30.349192' }; // 长睦路300号, in 丁桥社区
const GARDEN = { 经度: '120.22724', 纬度: '30.350613' }; // 丁桥花园12幢29号, in 丁桥社区
const plate = (n: number): Row => ({ '村/社区': '大唐村', 组: '1', 号: String(n), ...DATANG });

/**
 * One row per kind of mistake a door-plate list holds, each otherwise good; a mistake that needs an
 * earlier row (a plate given twice) brings it along, and is the last of its rows.
 */
const MISTAKES: [string, ...Row[]][] = [
  ['coordinate system a plate cannot be in', { ...plate(101), 坐标系: 'EPSG:4549' }],
  ['no position', { ...plate(102), 经度: '', 纬度: '' }],
  ['swapped coordinates', { ...plate(103), 经度: DATANG.纬度, 纬度: DATANG.经度 }],
  ['point outside the township', { 路: '长睦路', 号: '310', 经度: '120.5', 纬度: '30.5' }],
  ['point outside China', { 路: '长睦路', 号: '311', 经度: '2.3522', 纬度: '48.8566' }],
  ['longitude without latitude', { ...plate(104), 纬度: '' }],
  ['unreadable latitude', { ...plate(105), 纬度: '北边' }],
  ['address without a door number', { 地址: '大唐村村委会', ...DATANG }],
  ['no plate at all', { ...DATANG }],
  ['unknown village', { ...plate(106), '村/社区': '火星村' }],
  ['village written nearly right', { ...plate(107), '村/社区': '白马村' }],
  ['point in another village', { ...plate(108), ...CHANGMU_ROAD }],
  ['name too long', { ...plate(109), '村/社区': '村'.repeat(51) }],
  ['sub-number', { ...plate(0), 号: '23-1' }],
  ['unreadable number', { ...plate(0), 号: 'x' }],
  ['bad group', { ...plate(110), 组: '0' }],
  ['bad building', { '村/社区': '丁桥社区', 小区: '丁桥花园', 幢: 'A座', 号: '29', ...GARDEN }],
  ['number with no place', { 号: '111', ...DATANG }],
  ['plate given twice at one point', plate(112), plate(112)],
  ['plate given twice at two points', plate(113), { ...plate(113), 经度: '120.2105', 纬度: '30.3418' }],
];

const LIST = MISTAKES.flatMap(([, ...rows]) => rows);
/** The row number (as the file numbers it, header first) of each mistake. */
const MISTAKE_ROWS = MISTAKES.map(
  (_, i) => 1 + MISTAKES.slice(0, i + 1).reduce((n, m) => n + m.length - 1, 0),
);
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const csvOf = (rows: Row[]) =>
  csvText(
    HEADERS,
    rows.map((r) => HEADERS.map((h) => r[h] ?? '')),
  );

/** Chinese a worker can read: Chinese characters, not the English sentence (or a copy of it). */
function saysInChinese(i: AddressRowIssue): boolean {
  return (
    /[\u4e00-\u9fff]/u.test(i.expectedZh) &&
    i.expectedZh !== i.expected &&
    !/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.test(i.expectedZh)
  );
}

describe('a door-plate import, in Chinese', () => {
  it('tells every mistake of a list full of them in Chinese as well as English', async () => {
    const { ctx } = await testBoot('demo');
    const { report } = await importAddressPoints(ctx, file('门牌.csv', csvOf(LIST)), { dryRun: true });
    const issues = [...report.errors, ...report.warnings];
    const rowsWithIssues = new Set(issues.map((i) => i.row));
    const missed = MISTAKES.filter((_, i) => !rowsWithIssues.has(MISTAKE_ROWS[i])).map(([what]) => what);
    expect(missed).toEqual([]);
    expect(issues.filter((i) => !saysInChinese(i))).toEqual([]);
  }, 60_000);

  it('tells a GeoJSON feature that is not a point in Chinese', async () => {
    const { ctx } = await testBoot('demo');
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 村: '大唐村', 组: 1, 号: 23 },
          geometry: {
            type: 'LineString',
            coordinates: [DATANG, CHANGMU_ROAD].map((p) => [+p.经度, +p.纬度]),
          },
        },
      ],
    });
    const { report } = await importAddressPoints(ctx, file('门牌.geojson', geojson), { dryRun: true });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 1, expectedZh: '点（Point）：每个要素是一个门牌' }),
    ]);
  }, 60_000);

  it('says why a whole file is refused in Chinese too', async () => {
    const refused = async (text: string, opts: { strict?: boolean } = {}) => {
      const { ctx } = await testBoot('demo');
      return importAddressPoints(ctx, file('门牌.csv', text), opts).then(
        ({ view }) => view,
        (err: ImportError) => err.messageZh,
      );
    };
    expect(await refused('村,组,备注\r\n大唐村,1,无')).toBe(
      '门牌.csv 第 1 行表头：缺少经度、纬度、号或地址列；门牌表须有经度、纬度，以及号（配村/社区、路或小区）或完整地址（表头现有："村"、"组"、"备注"）',
    );
    const { ctx } = await testBoot('empty');
    await expect(importAddressPoints(ctx, file('门牌.csv', csvOf([plate(23)])))).rejects.toMatchObject({
      messageZh: '系统里还没有村（社区）：请先导入村界（数据管理 → 导入边界），再导入门牌',
    });
  }, 60_000);
});
