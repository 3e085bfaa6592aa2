import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState, type UrlState } from './url-state';

describe('url state', () => {
  it('reads every parameter', () => {
    const s = decodeUrlState(
      '?at=2009-06-30&cat=grocery,restaurant&township=2&village=12&status=pending,model&layers=premises,villages&choro=progress&view=120.1,30.2,13.5&lang=en&premise=77&area=4&panel=data',
    );
    expect(s).toEqual({
      at: '2009-06-30',
      categories: ['grocery', 'restaurant'],
      township: 2,
      village: 12,
      statuses: ['pending', 'model'],
      layers: ['premises', 'villages'],
      choropleth: 'progress',
      view: { lng: 120.1, lat: 30.2, zoom: 13.5 },
      lang: 'en',
      premise: 77,
      area: 4,
      panel: 'data',
    } satisfies UrlState);
  });

  it('falls back to defaults on malformed values', () => {
    const s = decodeUrlState(
      '?at=2009-02-30&township=0&village=abc&choro=nope&view=1,2&lang=fr&premise=-3&cat=nope&area=0',
    );
    expect(s).toEqual({ ...DEFAULT_URL_STATE, categories: [] });
  });

  it('gives the defaults for an empty query and writes nothing for them', () => {
    expect(decodeUrlState('')).toEqual(DEFAULT_URL_STATE);
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
  });

  it('round-trips', () => {
    const s: UrlState = {
      at: '2010-01-05',
      categories: ['pharmacy'],
      township: 5,
      village: 3,
      statuses: ['closed'],
      layers: ['heatmap'],
      choropleth: 'unlicensed',
      view: { lng: 120.12345, lat: 30.5, zoom: 12 },
      lang: 'en',
      premise: 9,
      area: 12,
      panel: 'data',
    };
    expect(decodeUrlState(encodeUrlState(s))).toEqual(s);
  });

  it('keeps an explicit empty layer list', () => {
    expect(decodeUrlState('?layers=').layers).toEqual([]);
  });
});
