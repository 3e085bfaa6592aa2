import { describe, expect, it } from 'vitest';
import { premiseExportQuery } from './export-query';

const NONE = { at: '2009-06-30', village: null, categories: null, statuses: null };

describe('export queries', () => {
  it('carries the slider date alone when nothing is filtered', () => {
    expect(premiseExportQuery(NONE)).toEqual({ query: { at: '2009-06-30' }, widened: [], empty: false });
  });

  it('carries the village, one category and one status', () => {
    const { query } = premiseExportQuery({
      ...NONE,
      village: 3,
      categories: ['restaurant'],
      statuses: ['pending'],
    });
    expect(query).toEqual({ at: '2009-06-30', village: '3', category: 'restaurant', status: 'pending' });
  });

  it('widens a choice of several categories or statuses to all, and says so', () => {
    const choice = premiseExportQuery({
      ...NONE,
      categories: ['grocery', 'restaurant'],
      statuses: ['a', 'b'],
    });
    expect(choice.query).toEqual({ at: '2009-06-30' });
    expect(choice.widened).toEqual(['category', 'status']);
  });

  it('knows an empty choice exports nothing', () => {
    expect(premiseExportQuery({ ...NONE, categories: [] }).empty).toBe(true);
  });
});
