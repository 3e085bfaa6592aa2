import { describe, expect, it } from 'vitest';
import { geographyExportUrl, premiseExportLink } from './export-urls';

const NONE = { at: '2009-06-30', village: null, categories: null, statuses: null };

describe('export links', () => {
  it('carries the slider date alone when nothing is filtered', () => {
    expect(premiseExportLink('xlsx', NONE)).toEqual({
      url: '/api/exports/premises.xlsx?at=2009-06-30',
      widened: [],
      empty: false,
    });
  });

  it('carries the village, one category and one status', () => {
    const link = premiseExportLink('gpkg', {
      ...NONE,
      village: 3,
      categories: ['restaurant'],
      statuses: ['pending'],
    });
    expect(link.url).toBe(
      '/api/exports/premises.gpkg?at=2009-06-30&village=3&category=restaurant&status=pending',
    );
  });

  it('widens a choice of several categories or statuses to all, and says so', () => {
    const link = premiseExportLink('csv', {
      ...NONE,
      categories: ['grocery', 'restaurant'],
      statuses: ['a', 'b'],
    });
    expect(link.url).toBe('/api/exports/premises.csv?at=2009-06-30');
    expect(link.widened).toEqual(['category', 'status']);
  });

  it('knows an empty choice exports nothing', () => {
    expect(premiseExportLink('csv', { ...NONE, categories: [] }).empty).toBe(true);
  });

  it('names the geography files', () => {
    expect(geographyExportUrl('villages', 'kml')).toBe('/api/exports/villages.kml');
    expect(geographyExportUrl('areas', 'geojson')).toBe('/api/exports/areas.geojson');
  });
});
