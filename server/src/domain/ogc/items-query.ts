import { InvalidParameter } from './invalid-parameter';
import { type Box, parseBbox } from './ogc-bbox';
import { type DayInterval, parseDatetime } from './ogc-datetime';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10_000;

/** A feature property a collection can be filtered on with `?name=value` (declared in the OpenAPI document). */
export interface PropertyFilter {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'boolean';
  values?: readonly string[];
}

export type FilterValue = string | number | boolean;

/** An items request, checked: where, when, which page, and the property filters given. */
export interface ItemsQuery {
  boxes: Box[] | null;
  datetime: DayInterval | null;
  limit: number;
  afterId: number;
  filters: Map<string, FilterValue>;
}

/** The parameters every items request takes (the standard's, the cursor, and CRS84 as the only CRS). */
export const COMMON_ITEM_PARAMETERS = ['bbox', 'bbox-crs', 'crs', 'datetime', 'limit', 'after', 'f'] as const;
const JSON_FORMATS = new Set(['json', 'geojson', 'application/json', 'application/geo+json']);

/** `f`: only JSON is served here (GeoJSON for features). */
export function checkFormat(f: string | undefined): void {
  if (f !== undefined && !JSON_FORMATS.has(f)) {
    throw new InvalidParameter(
      `f: only JSON is served here ('json'), not '${f}'`,
      `f：这里只提供 JSON（'json'），不支持 '${f}'`,
    );
  }
}

function filterValue(filter: PropertyFilter, raw: string): FilterValue {
  if (filter.type === 'integer') {
    if (!/^\d+$/.test(raw))
      throw new InvalidParameter(
        `${filter.name}: expected a whole number, got '${raw}'`,
        `${filter.name}：应为整数，收到 '${raw}'`,
      );
    return Number(raw);
  }
  if (filter.type === 'boolean') {
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    throw new InvalidParameter(
      `${filter.name}: expected true or false, got '${raw}'`,
      `${filter.name}：应为 true 或 false，收到 '${raw}'`,
    );
  }
  if (filter.values && !filter.values.includes(raw)) {
    throw new InvalidParameter(
      `${filter.name}: expected one of ${filter.values.join(', ')}; got '${raw}'`,
      `${filter.name}：应为 ${filter.values.join('、')} 之一，收到 '${raw}'`,
    );
  }
  return raw;
}

function whole(name: string, raw: string, min: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new InvalidParameter(
      `${name}: expected a whole number of at least ${min}, got '${raw}'`,
      `${name}：应为不小于 ${min} 的整数，收到 '${raw}'`,
    );
  }
  return Number(raw);
}

/**
 * Checks the query of `/collections/{id}/items`. An unknown parameter is refused, as the standard
 * asks; a `limit` over the maximum is served at the maximum, as it recommends.
 */
export function parseItemsQuery(
  query: Record<string, string>,
  filters: readonly PropertyFilter[],
): ItemsQuery {
  const known = new Set<string>([...COMMON_ITEM_PARAMETERS, ...filters.map((f) => f.name)]);
  const unknown = Object.keys(query).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new InvalidParameter(
      `unknown parameter ${unknown.map((k) => `'${k}'`).join(', ')}; this collection takes ${[...known].join(', ')}`,
      `未知参数 ${unknown.map((k) => `'${k}'`).join('、')}；此集合可用的参数：${[...known].join('、')}`,
    );
  }
  checkFormat(query.f);
  for (const name of ['crs', 'bbox-crs'] as const) {
    const crs = query[name];
    if (crs !== undefined && crs !== CRS84) {
      throw new InvalidParameter(
        `${name}: only CRS84 (${CRS84}) is served here, not '${crs}'`,
        `${name}：只支持 CRS84（${CRS84}），不支持 '${crs}'`,
      );
    }
  }
  const values = new Map<string, FilterValue>();
  for (const filter of filters) {
    const raw = query[filter.name];
    if (raw !== undefined) values.set(filter.name, filterValue(filter, raw));
  }
  return {
    boxes: query.bbox === undefined ? null : parseBbox(query.bbox),
    datetime: query.datetime === undefined ? null : parseDatetime(query.datetime),
    limit: query.limit === undefined ? DEFAULT_LIMIT : Math.min(whole('limit', query.limit, 1), MAX_LIMIT),
    afterId: query.after === undefined ? 0 : whole('after', query.after, 0),
    filters: values,
  };
}
