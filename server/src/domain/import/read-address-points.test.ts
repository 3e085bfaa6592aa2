import {
  bearing,
  booleanIntersects,
  centroid,
  destination,
  nearestPointOnLine,
  polygonToLine,
} from '@turf/turf';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { demoGazetteer } from '../../../../tests/helpers/demo-gazetteer';
import { type Crs, GCJ02, WGS84 } from '../crs/crs-catalog';
import { guessAddressPointMapping } from './address-point-fields';
import { ImportError } from './import-error';
import { checkAddressPointMapping, geoJsonPointTable, readAddressPoints } from './read-address-points';

/** The demo township's villages and roads, no plates: a fresh one per test. */
const township = () => demoGazetteer(0).gazetteer;

/** Reads CSV-like lines (first the header) as the import does; rows numbered as a spreadsheet shows them. */
function read(lines: string[], crs: Crs = WGS84) {
  const [header, ...rows] = lines.map((l) => l.split(','));
  const table = { headers: header, rows: rows.map((cells, i) => ({ rowNo: i + 2, cells })) };
  return readAddressPoints(table, guessAddressPointMapping(header), { crs, gazetteer: township() });
}

// Positions of real plates in the demo township (from its survey list).
const DATANG = ['120.210104', '30.341777']; // 大唐村1组23号
const CHANGMU_ROAD = ['120.236183', '30.349192']; // 长睦路300号, in 丁桥社区
const GARDEN = ['120.22724', '30.350613']; // 丁桥花园12幢29号, in 丁桥社区

describe('readAddressPoints: the plate from columns', () => {
  it('reads 村/社区 + 组 + 号, 路 + 号 and 小区 + 幢 + 号, headers matched by their synonyms', () => {
    const r = read([
      '村社区,村民小组,道路,小区名称,幢,门牌号,经度,纬度',
      `大唐村,1,,,,23,${DATANG}`,
      `,,长睦路,,,３００号,${CHANGMU_ROAD}`,
      `丁桥社区,,,丁桥花园,12幢,二十九,${GARDEN}`,
    ]);
    expect(r.errors).toEqual([]);
    expect(r.points).toEqual([
      {
        rowNo: 2,
        point: { village: '大唐村', group: 1, number: 23, lngLat: [120.210104, 30.341777], source: 'import' },
      },
      { rowNo: 3, point: { road: '长睦路', number: 300, lngLat: [120.236183, 30.349192], source: 'import' } },
      {
        rowNo: 4,
        point: {
          village: '丁桥社区',
          estate: '丁桥花园',
          building: 12,
          number: 29,
          lngLat: [120.22724, 30.350613],
          source: 'import',
        },
      },
    ]);
    expect(r).toMatchObject({ rejectedRows: 0, crs: ['WGS84'], defaultCrsRows: 3 });
  });

  it('stores a village written short or with its township under its gazetteer name', () => {
    const r = read(['村,组,号,经度,纬度', `大唐,1,23,${DATANG}`, `丁桥镇大唐村,1,25,${DATANG}`]);
    expect(r.errors).toEqual([]);
    expect(r.points.map((p) => p.point.village)).toEqual(['大唐村', '大唐村']);
  });
});

describe('readAddressPoints: the plate from a full address', () => {
  it('parses simple addresses with the geocoder', () => {
    const r = read([
      '标准地址,经度,纬度',
      `大唐村1组23号,${DATANG}`,
      `丁桥镇长睦路300号,${CHANGMU_ROAD}`,
      `丁桥花园12幢29号,${GARDEN}`,
    ]);
    expect(r.errors).toEqual([]);
    expect(r.points.map((p) => p.point)).toEqual([
      { village: '大唐村', group: 1, number: 23, lngLat: [120.210104, 30.341777], source: 'import' },
      { road: '长睦路', number: 300, lngLat: [120.236183, 30.349192], source: 'import' },
      { estate: '丁桥花园', building: 12, number: 29, lngLat: [120.22724, 30.350613], source: 'import' },
    ]);
  });

  it('refuses an address without a door number, saying what a plate looks like', () => {
    const r = read(['地址,经度,纬度', `大唐村村委会,${DATANG}`]);
    expect(r.errors).toEqual([
      {
        row: 2,
        column: '地址',
        field: 'address',
        value: '大唐村村委会',
        expected:
          'an address with a door number: 村 + 组 + 号, 路 + 号 or 小区 + 幢 + 号, e.g. 大唐村1组23号',
        expectedZh: '带门牌号的地址：村＋组＋号、路＋号或小区＋幢＋号，如：大唐村1组23号',
      },
    ]);
  });
});

describe('readAddressPoints: coordinates', () => {
  it('names 经度 and 纬度 written the wrong way round, and reads them the right way', () => {
    const r = read(['路,号,经度,纬度', `长睦路,300,${CHANGMU_ROAD[1]},${CHANGMU_ROAD[0]}`]);
    expect(r.errors).toEqual([]);
    expect(r.points[0].point.lngLat).toEqual([120.236183, 30.349192]);
    expect(r.warnings).toEqual([
      {
        row: 2,
        column: '经度',
        field: 'lng',
        value: '30.349192',
        expected:
          '经度 and 纬度 the right way round; they were swapped (经度 30.349192, 纬度 120.236183) and have been read the other way',
        expectedZh: '经度、纬度写反了（经度 30.349192，纬度 120.236183），已按正确顺序读取',
      },
    ]);
  });

  it('converts GCJ-02 (高德) to WGS-84, whether the row says so or the import does', () => {
    const [lng, lat] = gcoord.transform([120.236183, 30.349192], gcoord.WGS84, gcoord.GCJ02) as number[];
    const named = read(['路,号,经度,纬度,坐标系', `长睦路,300,${lng},${lat},高德`]);
    const chosen = read(['路,号,经度,纬度', `长睦路,300,${lng},${lat}`], GCJ02);
    for (const r of [named, chosen]) {
      expect(r.crs).toEqual(['GCJ02']);
      expect(r.points[0].point.lngLat[0]).toBeCloseTo(120.236183, 5);
      expect(r.points[0].point.lngLat[1]).toBeCloseTo(30.349192, 5);
    }
    expect(named.defaultCrsRows).toBe(0);
    expect(chosen.defaultCrsRows).toBe(1);
  });

  it('refuses a coordinate system a door plate cannot be in', () => {
    const r = read(['路,号,经度,纬度,坐标系', `长睦路,300,${CHANGMU_ROAD},EPSG:4549`]);
    expect(r.errors).toEqual([
      {
        row: 2,
        column: '坐标系',
        field: 'crs',
        value: 'EPSG:4549',
        expected: 'one of WGS84, CGCS2000, GCJ02, BD09',
        expectedZh: '以下坐标系之一：WGS84、CGCS2000、GCJ02、BD09',
      },
    ]);
  });

  it('refuses a point outside the township, and one outside China', () => {
    const r = read(['路,号,经度,纬度', '长睦路,300,120.5,30.5', '长睦路,301,2.3522,48.8566', '长睦路,302,,']);
    expect(r.points).toEqual([]);
    expect(r.errors).toEqual([
      {
        row: 2,
        column: '经度',
        field: 'lng',
        value: '120.5, 30.5',
        expected:
          "a point inside one of the township's villages; (120.5, 30.5) in WGS-84 lies outside all of them",
        expectedZh:
          '本镇某个村（社区）内的位置；(120.5, 30.5)（WGS-84）不在任何村（社区）内，请核对经纬度和坐标系',
      },
      expect.objectContaining({
        row: 3,
        column: '经度',
        expected: expect.stringMatching(/is outside China$/),
        expectedZh: expect.stringMatching(/不在中国境内/),
      }),
      expect.objectContaining({
        row: 4,
        column: '经度',
        expected: expect.stringMatching(/^the position of the plate/),
      }),
    ]);
  });
});

describe('readAddressPoints: checks that keep the table whole', () => {
  it('names the prefix the set-up does not know, rather than calling the village unknown', () => {
    const r = read(['标准地址,经度,纬度', `海宁市丁桥镇大唐村1组23号,${DATANG}`]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 2, column: '标准地址' });
    expect(r.errors[0].expected).toMatch(
      /^an address in this township: it starts with 海宁市, which the set-up/,
    );
    expect(r.errors[0].expectedZh).toMatch(/^本镇的地址：地址以“海宁市”开头/);
  });

  it('refuses an unknown village, naming the ones there are and a near miss', () => {
    const r = read(['村/社区,组,号,经度,纬度', `火星村,1,1,${DATANG}`, `白马村,1,23,${DATANG}`]);
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toMatchObject({ row: 2, column: '村/社区', value: '火星村' });
    expect(r.errors[0].expected).toMatch(/^one of the township's villages or communities: .*大唐村/);
    expect(r.errors[0].expectedZh).toMatch(/^本镇的村（社区）之一：.*大唐村/);
    expect(r.errors[1].expected).toMatch(/; did you mean 白马庄村\?$/);
    expect(r.errors[1].expectedZh).toMatch(/；是不是“白马庄村”？$/);
  });

  it('refuses a bad number, 组 or 幢, a sub-number, and a number with no place', () => {
    const r = read([
      '村,组,小区,幢,号,经度,纬度',
      `大唐村,1,,,x,${DATANG}`,
      `大唐村,0,,,23,${DATANG}`,
      `丁桥社区,,丁桥花园,A座,29,${GARDEN}`,
      `大唐村,1,,,23-1,${DATANG}`,
      `,,,,23,${DATANG}`,
      `大唐村,1,,,0,${DATANG}`,
      `、,1,,,23,${DATANG}`,
    ]);
    expect(r.points).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.column, e.value, e.expected])).toEqual([
      [2, '号', 'x', 'a door number from 1 to 99999, e.g. 23 or 23号'],
      [3, '组', '0', 'a whole number from 1 to 999, e.g. 3 or 3组, or nothing'],
      [4, '幢', 'A座', 'a whole number from 1 to 999, e.g. 8 or 8幢, or nothing'],
      [5, '号', '23-1', 'a whole door number; a sub-number such as 23-1号 cannot be kept as a plate'],
      [6, '村', '', 'the place the number belongs to: a 村/社区, a 路 or a 小区'],
      [7, '号', '0', 'a door number from 1 to 99999, e.g. 23 or 23号'],
      [8, '村', '、', 'the place the number belongs to: a 村/社区, a 路 or a 小区'],
    ]);
    expect(r.errors.map((e) => e.expectedZh)).toEqual([
      '1 到 99999 的门牌号，如：23 或 23号',
      '1 到 999 的整数，如：3 或 3组，也可不填',
      '1 到 999 的整数，如：8 或 8幢，也可不填',
      '完整的门牌号；23-1号这样的附号不能作为门牌保存',
      '门牌号所属的地方：村/社区、路或小区',
      '1 到 99999 的门牌号，如：23 或 23号',
      '门牌号所属的地方：村/社区、路或小区',
    ]);
    expect(r.rejectedRows).toBe(7);
  });

  it('imports a plate given twice at one point once, and refuses it at a second point', () => {
    const r = read([
      '村,组,号,经度,纬度',
      `大唐村,1,23,${DATANG}`,
      `大唐村,1,23,${DATANG}`,
      '大唐村,1,23,120.2105,30.3418',
    ]);
    expect(r.points.map((p) => p.rowNo)).toEqual([2]);
    expect(r.warnings).toEqual([
      {
        row: 3,
        column: '号',
        field: null,
        value: '大唐村1组23号',
        expected: 'each plate once; the same plate at the same point as row 2, imported once',
        expectedZh: '每个门牌只登记一次；与第 2 行门牌相同、位置相同，只导入一次',
      },
    ]);
    expect(r.errors).toEqual([
      {
        row: 4,
        column: '号',
        field: null,
        value: '大唐村1组23号',
        expected: 'one position per plate; row 2 gives 大唐村1组23号 at (120.210104, 30.341777)',
        expectedZh: '同一门牌只能有一个位置；第 2 行的大唐村1组23号在 (120.210104, 30.341777)，与本行不同',
      },
    ]);
    expect(r.rejectedRows).toBe(1);
  });

  it('warns when the point lies just over the line of the village the plate names, refuses it well inside another', () => {
    const g = township();
    const datang = g.villages.find((v) => v.name === '大唐村') as (typeof g.villages)[number];
    const neighbour = g.villages.find(
      (v) => v.name !== '大唐村' && booleanIntersects(v.geometry, datang.geometry),
    );
    if (!neighbour) throw new Error('大唐村 has no neighbour in the demo');
    // A point 30 m into the neighbour from their shared edge, and one deep inside it.
    const edge = nearestPointOnLine(polygonToLine(datang.geometry) as never, centroid(neighbour.geometry));
    const inward = destination(edge, 0.03, bearing(edge, centroid(neighbour.geometry)));
    const [x, y] = inward.geometry.coordinates;
    const near = read(['村,组,号,经度,纬度', `大唐村,1,23,${x},${y}`]);
    expect(near.points).toHaveLength(1);
    expect(near.warnings[0]).toMatchObject({
      row: 2,
      column: '村',
      expected: `a point inside 大唐村; the point lies just over the line in ${neighbour.name} (imported as written)`,
    });
    const far = read(['村,组,号,经度,纬度', `大唐村,1,23,${CHANGMU_ROAD}`]);
    expect(far.points).toHaveLength(0);
    expect(far.errors[0]).toMatchObject({ row: 2, column: '经度' });
    expect(far.errors[0].expected).toMatch(
      /lies in 丁桥社区, \d+ m from 大唐村: check 经度\/纬度 or the village/,
    );
  });
});

describe('checkAddressPointMapping', () => {
  it('refuses a list without coordinates or a plate, saying what the header row has', () => {
    const headers = ['村', '组', '备注'];
    const check = () =>
      checkAddressPointMapping(guessAddressPointMapping(headers), headers, { en: 'p.csv', zh: 'p.csv' });
    expect(check).toThrow(ImportError);
    expect(check).toThrow(
      'p.csv: no column for 经度、纬度、号 or 地址; a door-plate list needs 经度, 纬度 and either 号 (with 村/社区, 路 or 小区) or a full 地址 (the header row has "村", "组", "备注")',
    );
    expect(check).toThrow(
      expect.objectContaining({
        messageZh:
          'p.csv：缺少经度、纬度、号或地址列；门牌表须有经度、纬度，以及号（配村/社区、路或小区）或完整地址（表头现有："村"、"组"、"备注"）',
      }),
    );
  });
});

describe('geoJsonPointTable', () => {
  it('reads point features as rows numbered from 1, and names a feature that is not a point', () => {
    const { table, mapping, errors } = geoJsonPointTable({
      features: [
        {
          index: 0,
          properties: { 村: '大唐村', 组: 1, 号: 23 },
          geometry: { type: 'Point', coordinates: [120.210104, 30.341777] },
        },
        {
          index: 1,
          properties: { road: '长睦路', number: '300' },
          geometry: { type: 'LineString', coordinates: [] },
        },
      ],
      prj: null,
      notes: [],
    });
    expect(errors).toEqual([
      {
        row: 2,
        column: 'geometry',
        field: null,
        value: 'LineString',
        expected: 'a Point: one door plate per feature',
        expectedZh: '点（Point）：每个要素是一个门牌',
      },
    ]);
    const r = readAddressPoints(table, mapping, { crs: WGS84, gazetteer: township() });
    expect(r.errors).toEqual([]);
    expect(r.points).toEqual([
      {
        rowNo: 1,
        point: { village: '大唐村', group: 1, number: 23, lngLat: [120.210104, 30.341777], source: 'import' },
      },
    ]);
  });
});
