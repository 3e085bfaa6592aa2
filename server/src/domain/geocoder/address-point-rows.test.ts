import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { addressPointsFromCsv, addressPointsFromGeoJson } from './address-point-rows';
import { testGazetteer } from './test-gazetteer.fixture';

describe('addressPointsFromCsv', () => {
  it('reads plates by village and 组, road, and estate, with header synonyms', () => {
    const csv = [
      '村社区,村民小组,道路,小区,幢,门牌号,经度,纬度',
      '大唐村,3,,,,23,120.205,30.305',
      ',,长睦路,,,１２号,120.206,30.3051',
      '丁桥社区,,,丁桥花园,8幢,十八号,120.205,30.315',
    ].join('\n');
    const r = addressPointsFromCsv(csv, testGazetteer());
    expect(r.errors).toEqual([]);
    expect(r.points).toEqual([
      { village: '大唐村', group: 3, number: 23, lngLat: [120.205, 30.305], source: 'import' },
      { road: '长睦路', number: 12, lngLat: [120.206, 30.3051], source: 'import' },
      {
        village: '丁桥社区',
        estate: '丁桥花园',
        building: 8,
        number: 18,
        lngLat: [120.205, 30.315],
        source: 'import',
      },
    ]);
    expect(r.assumedWgs84).toBe(3);
  });

  it('reads a full 地址 column when the plate is not split into columns', () => {
    const r = addressPointsFromCsv(
      '地址,经度,纬度\n杭州市江干区丁桥镇大唐村3组23号,120.205,30.305\n',
      testGazetteer(),
    );
    expect(r.points).toEqual([
      { village: '大唐村', group: 3, number: 23, lngLat: [120.205, 30.305], source: 'import' },
    ]);
  });

  it('says which row and column is wrong and what was expected, for every bad row', () => {
    const csv = [
      '村,组,号,经度,纬度',
      '大唐村,3,23,abc,30.305',
      '大唐村,三,x,120.205,30.305',
      '火星村,1,1,120.205,30.305',
    ].join('\n');
    const r = addressPointsFromCsv(csv, testGazetteer());
    expect(r.errors).toEqual([
      { row: 2, column: '经度', message: 'expected a longitude in degrees, e.g. 120.2261; got "abc"' },
      { row: 3, column: '号', message: 'expected a door number such as 23 or 23号; got "x"' },
      {
        row: 4,
        column: '村',
        message: expect.stringContaining('unknown village or community "火星村"; expected one of 大唐村、'),
      },
    ]);
  });

  it('refuses a file without coordinate columns, naming what it has', () => {
    const r = addressPointsFromCsv('村,组,号\n大唐村,3,23\n', testGazetteer());
    expect(r.errors).toEqual([
      {
        row: 1,
        column: '',
        message: 'missing column 经度 (lng), 纬度 (lat); the header row has: 村, 组, 号',
      },
    ]);
  });

  it('spots swapped longitude and latitude', () => {
    const r = addressPointsFromCsv('路,号,经度,纬度\n长睦路,12,30.305,120.206\n', testGazetteer());
    expect(r.errors[0].message).toContain('longitude and latitude look swapped');
  });

  it('converts GCJ-02 (高德) coordinates to WGS-84 and says so', () => {
    const [lng, lat] = gcoord.transform([120.206, 30.305], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const r = addressPointsFromCsv(
      `路,号,经度,纬度,坐标系\n长睦路,12,${lng},${lat},GCJ02\n`,
      testGazetteer(),
    );
    expect(r.crs).toEqual(['GCJ02']);
    expect(r.points[0].lngLat[0]).toBeCloseTo(120.206, 5);
    expect(r.points[0].lngLat[1]).toBeCloseTo(30.305, 5);
  });

  it('refuses an unknown coordinate system', () => {
    const r = addressPointsFromCsv(
      '路,号,经度,纬度,坐标系\n长睦路,12,120.206,30.305,EPSG:4549\n',
      testGazetteer(),
    );
    expect(r.errors).toEqual([
      { row: 2, column: '坐标系', message: 'expected WGS84, CGCS2000, GCJ02 or BD09; got "EPSG:4549"' },
    ]);
  });
});

describe('addressPointsFromGeoJson', () => {
  it('reads points whose properties name the plate', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 村: '大唐村', 组: 3, 号: 23 },
          geometry: { type: 'Point', coordinates: [120.205, 30.305] },
        },
        {
          type: 'Feature',
          properties: { road: '长睦路', number: '12' },
          geometry: { type: 'Point', coordinates: [120.206, 30.3051] },
        },
      ],
    };
    const r = addressPointsFromGeoJson(fc, testGazetteer());
    expect(r.errors).toEqual([]);
    expect(r.points.map((p) => p.village ?? p.road)).toEqual(['大唐村', '长睦路']);
  });

  it('names the feature that is not a point', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 号: 1 }, geometry: { type: 'LineString', coordinates: [] } },
      ],
    };
    expect(addressPointsFromGeoJson(fc, testGazetteer()).errors).toEqual([
      { row: 0, column: 'geometry', message: 'features[0]: expected a Point, got LineString' },
    ]);
  });

  it('refuses what is not a FeatureCollection', () => {
    expect(addressPointsFromGeoJson({ type: 'Feature' }, testGazetteer()).errors[0].message).toBe(
      'expected a GeoJSON FeatureCollection of Point features',
    );
  });
});
