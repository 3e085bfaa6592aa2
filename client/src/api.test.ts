import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoApp } from '../../tests/helpers/test-app';
import {
  ApiRequestError,
  errorReportUrl,
  errorText,
  fetchSeries,
  fetchStats,
  geographyExportPath,
  premiseExportPath,
} from './api';

describe('the paths the page links to', () => {
  it('are the server routes, with the query in order', () => {
    expect(
      premiseExportPath('gpkg', {
        at: '2009-06-30',
        village: '3',
        category: 'restaurant',
        status: 'pending',
      }),
    ).toBe('/api/exports/premises.gpkg?at=2009-06-30&village=3&category=restaurant&status=pending');
    expect(geographyExportPath('villages', 'kml')).toBe('/api/exports/villages.kml');
    expect(geographyExportPath('areas', 'geojson')).toBe('/api/exports/areas.geojson');
    expect(errorReportUrl(7)).toBe('/api/imports/7/errors.csv');
  });

  it('are served', { timeout: 30_000 }, async () => {
    const { app } = await demoApp();
    for (const path of [
      premiseExportPath('csv', { at: '2009-06-30', village: '3' }),
      geographyExportPath('villages', 'geojson'),
      geographyExportPath('areas', 'kml'),
    ]) {
      expect((await app.request(path)).status, path).toBe(200);
    }
  });
});

describe('the counts of several categories at once', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are asked of the server as their union, for the day and for the chart', {
    timeout: 30_000,
  }, async () => {
    const { app } = await demoApp();
    // The page's own calls, answered by the real app in this process.
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      app.request(String(input instanceof Request ? input.url : input), init),
    );
    const at = '2026-06-30';
    const one = (code: string) => fetchStats(at, { village: null, categories: [code] });
    const [grocery, restaurant, both, all] = await Promise.all([
      one('grocery'),
      one('restaurant'),
      fetchStats(at, { village: null, categories: ['grocery', 'restaurant'] }),
      fetchStats(at, { village: null, categories: null }),
    ]);
    expect(grocery.surveyed).toBeGreaterThan(0);
    expect(restaurant.surveyed).toBeGreaterThan(0);
    expect(both.surveyed).toBe(grocery.surveyed + restaurant.surveyed);
    expect(both.unlicensed).toBe(grocery.unlicensed + restaurant.unlicensed);
    expect(all.surveyed).toBeGreaterThan(both.surveyed);

    const [series, seriesOne] = await Promise.all([
      fetchSeries({ village: null, categories: ['grocery', 'restaurant'] }),
      fetchSeries({ village: null, categories: ['grocery'] }),
    ]);
    const last = series.days.length - 1;
    const total = (s: typeof series, k: number) =>
      Object.values(s.byStatus).reduce((n, row) => n + (row[k] ?? 0), 0);
    expect(total(series, last)).toBeGreaterThan(total(seriesOne, last));
  });
});

describe('errorText', () => {
  const refusal = new ApiRequestError(
    400,
    'old.xls is an old Excel workbook',
    undefined,
    'old.xls 是旧版 Excel 文件',
  );

  it('says a refusal in Chinese on the Chinese page and in English on the English one', () => {
    expect(errorText(refusal, 'zh')).toBe('old.xls 是旧版 Excel 文件');
    expect(errorText(refusal, 'en')).toBe('old.xls is an old Excel workbook');
  });

  it('falls back to the message when the server wrote no Chinese', () => {
    expect(errorText(new ApiRequestError(404, 'no such endpoint'), 'zh')).toBe('no such endpoint');
    expect(errorText(new TypeError('Failed to fetch'), 'zh')).toBe('Failed to fetch');
  });
});
