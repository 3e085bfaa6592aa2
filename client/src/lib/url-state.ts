import { CATEGORY_CODES } from '@domain/categories';
import { parseDay } from '@domain/dates';
import { STATUS_KEYS } from '@domain/statuses';

export const LAYER_IDS = ['premises', 'heatmap', 'villages', 'choropleth'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const CHOROPLETH_METRICS = ['density', 'unlicensed', 'progress'] as const;
export type ChoroplethMetric = (typeof CHOROPLETH_METRICS)[number];

export type Lang = 'zh' | 'en';

/** Workspaces that open over the map. */
export const PANELS = ['data', 'setup', 'acceptance'] as const;
export type Panel = (typeof PANELS)[number];

export interface MapView {
  lng: number;
  lat: number;
  zoom: number;
}

/** Everything the page shows that a link should reproduce. null means "not chosen" (all, none, default). */
export interface UrlState {
  at: string | null;
  categories: string[] | null;
  /** One township of the district drilled into (its KPIs and villages); null: the district. */
  township: number | null;
  village: number | null;
  statuses: string[] | null;
  layers: LayerId[];
  choropleth: ChoroplethMetric;
  view: MapView | null;
  lang: Lang;
  premise: number | null;
  /** The saved key area (重点区域) whose panel is open. */
  area: number | null;
  /** The workspace open over the map (数据管理), if any. */
  panel: Panel | null;
}

export const DEFAULT_LAYERS: LayerId[] = ['premises', 'heatmap', 'villages'];

export const DEFAULT_URL_STATE: UrlState = {
  at: null,
  categories: null,
  township: null,
  village: null,
  statuses: null,
  layers: DEFAULT_LAYERS,
  choropleth: 'density',
  view: null,
  lang: 'zh',
  premise: null,
  area: null,
  panel: null,
};

function listOf<T extends string>(text: string | null, allowed: readonly T[]): T[] | null {
  if (text === null) return null;
  return text.split(',').filter((x): x is T => (allowed as readonly string[]).includes(x));
}

function positiveInt(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n > 0 ? n : null;
}

function viewOf(text: string | null): MapView | null {
  if (text === null) return null;
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x))) return null;
  const [lng, lat, zoom] = parts;
  if (Math.abs(lng) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 24) return null;
  return { lng, lat, zoom };
}

/** Reads the state from a query string; anything malformed falls back to its default. */
export function decodeUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const at = q.get('at');
  const choropleth = q.get('choro');
  return {
    at: at !== null && parseDay(at) !== null ? at : null,
    categories: listOf(q.get('cat'), CATEGORY_CODES),
    township: positiveInt(q.get('township')),
    village: positiveInt(q.get('village')),
    statuses: listOf(q.get('status'), STATUS_KEYS),
    layers: listOf(q.get('layers'), LAYER_IDS) ?? DEFAULT_LAYERS,
    choropleth: (CHOROPLETH_METRICS as readonly string[]).includes(choropleth ?? '')
      ? (choropleth as ChoroplethMetric)
      : 'density',
    view: viewOf(q.get('view')),
    lang: q.get('lang') === 'en' ? 'en' : 'zh',
    premise: positiveInt(q.get('premise')),
    area: positiveInt(q.get('area')),
    panel: (PANELS as readonly string[]).includes(q.get('panel') ?? '') ? (q.get('panel') as Panel) : null,
  };
}

/** Writes the state as a query string (with its leading "?", or "" when all is default). */
export function encodeUrlState(s: UrlState): string {
  const q: string[] = [];
  // Commas stay readable: every value here is an ASCII code, a number or a date.
  if (s.at) q.push(`at=${s.at}`);
  if (s.categories) q.push(`cat=${s.categories.join(',')}`);
  if (s.township !== null) q.push(`township=${s.township}`);
  if (s.village !== null) q.push(`village=${s.village}`);
  if (s.statuses) q.push(`status=${s.statuses.join(',')}`);
  if (s.layers.join(',') !== DEFAULT_LAYERS.join(',')) q.push(`layers=${s.layers.join(',')}`);
  if (s.choropleth !== 'density') q.push(`choro=${s.choropleth}`);
  if (s.view) q.push(`view=${s.view.lng.toFixed(5)},${s.view.lat.toFixed(5)},${s.view.zoom.toFixed(2)}`);
  if (s.lang !== 'zh') q.push(`lang=${s.lang}`);
  if (s.premise !== null) q.push(`premise=${s.premise}`);
  if (s.area !== null) q.push(`area=${s.area}`);
  if (s.panel !== null) q.push(`panel=${s.panel}`);
  return q.length ? `?${q.join('&')}` : '';
}
