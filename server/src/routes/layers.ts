import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { getVillage, listVillages } from '../db/geography';
import { categoryIndex } from '../domain/categories';
import { choroplethCeilings } from '../domain/choropleth-ceilings';
import { InvalidParameter } from '../domain/ogc/invalid-parameter';
import { type Box, parseBbox } from '../domain/ogc/ogc-bbox';
import { cellSizeForZoom, encodePremiseCells, premiseCells } from '../domain/premise-cells';
import type { PremiseColumns } from '../domain/premise-columns';
import { encodePremiseLayer } from '../domain/premise-layer-codec';
import { STATUS_KEYS } from '../domain/statuses';
import { subsetColumns } from '../domain/subset-columns';
import { ApiError, notFound } from '../http/api-error';
import type { AppEnv } from '../http/auth';
import { bilingual, idParam, validate } from '../http/validate';
import { columnsFor } from '../scoped-columns';
import { scopeInTownship, scopeOfTownship } from '../township-scope';

/** Distinguishes this process's ETags from those of an earlier run whose version counter also started at 0. */
const bootId = Date.now().toString(36);

/**
 * Above this many premises the page does not take the whole layer: it draws cells (GET
 * /api/layers/premises/cells) zoomed out and premises by box (GET /api/layers/premises?bbox=) zoomed in.
 */
export const WHOLE_LAYER_LIMIT = 200_000;
/** The limit, or PREMISES_WHOLE_LIMIT from the environment (e.g. to try the cells on a small record). */
function wholeLayerLimit(): number {
  const set = process.env.PREMISES_WHOLE_LIMIT ? Number(process.env.PREMISES_WHOLE_LIMIT) : Number.NaN;
  return Number.isInteger(set) && set >= 0 ? set : WHOLE_LAYER_LIMIT;
}
/** The most premises one box of points may hold; a larger box is refused (zoom in, or draw the cells). */
export const BOX_LIMIT = 100_000;

/** Cell answers kept per version and scope, the oldest dropped first. */
const CACHED_CELL_VIEWS = 32;

/** The `bbox` query parameter, as the OGC API reads it; a malformed one is a 400 in both languages. */
function boxesOf(text: string | undefined): Box[] | null {
  if (text === undefined) return null;
  try {
    return parseBbox(text);
  } catch (err) {
    if (err instanceof InvalidParameter)
      throw new ApiError(400, 'bad_request', err.message, undefined, err.messageZh);
    throw err;
  }
}

/** The rows of the premises inside the boxes, ascending. */
function rowsIn(cols: PremiseColumns, boxes: Box[]): Uint32Array {
  const rows = boxes.flatMap(([w, s, e, n]) => cols.index.range(w, s, e, n));
  return Uint32Array.from(new Set(rows)).sort();
}

/** A comma list of names mapped to their indexes; an unknown name is a 400 naming it. */
function indexesOf(text: string | undefined, what: 'categories' | 'statuses'): Set<number> | undefined {
  if (text === undefined) return undefined;
  const out = new Set<number>();
  for (const name of text.split(',').filter(Boolean)) {
    const i = what === 'categories' ? categoryIndex(name) : STATUS_KEYS.indexOf(name as never);
    if (i < 0)
      throw new ApiError(
        400,
        'bad_request',
        `${what}: unknown ${what === 'categories' ? 'category code' : 'status'} '${name}'`,
        undefined,
        `${what}：未知的${what === 'categories' ? '行业代码' : '状态'} '${name}'`,
      );
    out.add(i);
  }
  return out;
}

/** One township of the district (?township=ID): its premises only, as /api/stats?township= counts them. */
const townshipParam = idParam.optional();

const layerQuery = z.object({ bbox: z.string().optional(), township: townshipParam });

const cellsQuery = z.object({
  z: z.coerce
    .number({
      message: bilingual(
        'z: expected the map zoom, a number from 0 to 22',
        'z：应为地图缩放级别，0 到 22 的数',
      ),
    })
    .min(0)
    .max(22),
  bbox: z.string().optional(),
  step: z.coerce
    .number({ message: bilingual('step: expected whole days from 1 to 31', 'step：应为 1 到 31 的整天数') })
    .int()
    .min(1)
    .max(31)
    .default(1),
  categories: z.string().optional(),
  statuses: z.string().optional(),
  township: townshipParam,
  /** One village's premises (the page's village filter), within what the account sees. */
  village: idParam.optional(),
});

/**
 * The premises layer (binary columns) as the asking account's scope sees it: all of it (encoded
 * once per version and scope), or the premises in a `bbox`; its size and the cells of a big record.
 */
export function layerRoutes(ctx: AppContext, wholeLimit = wholeLayerLimit()) {
  const cached = new WeakMap<PremiseColumns, { body: Uint8Array; etag: string }>();
  let encoded = 0;
  const cellCache = new WeakMap<PremiseColumns, Map<string, Uint8Array>>();
  const current = (cols: PremiseColumns) => {
    let layer = cached.get(cols);
    if (!layer) {
      layer = { body: encodePremiseLayer(cols, ctx.startDay), etag: `"pl-${bootId}-${++encoded}"` };
      cached.set(cols, layer);
    }
    return layer;
  };
  const ceilings = new WeakMap<PremiseColumns, { areas: string; density: number; unlicensed: number }>();
  /** The choropleth's ceilings of these columns, worked out once per version, scope and village areas. */
  const ceilingsOf = (cols: PremiseColumns) => {
    const villages = listVillages(ctx.db);
    // A boundary import changes the areas (density) without a premise written.
    const areasKey = villages.map((v) => `${v.id}:${v.areaKm2}`).join(',');
    let found = ceilings.get(cols);
    if (!found || found.areas !== areasKey) {
      const premise = new Uint32Array(cols.intervalCount);
      for (let r = 0; r < cols.count; r++) premise.fill(r, cols.intervalStart[r], cols.intervalStart[r + 1]);
      const areas = new Map(villages.map((v) => [v.id, v.areaKm2]));
      const counted = choroplethCeilings(
        {
          premiseCount: cols.count,
          village: cols.villageId,
          intervalCount: cols.intervalCount,
          premise,
          unlicensed: cols.unlicensed,
          from: cols.fromDay,
          to: cols.toDay,
        },
        areas,
      );
      found = { areas: areasKey, ...counted };
      ceilings.set(cols, found);
    }
    return { density: found.density, unlicensed: found.unlicensed };
  };
  return new Hono<AppEnv>()
    .get('/premises', validate('query', layerQuery), (c) => {
      const q = c.req.valid('query');
      const cols = columnsFor(ctx, scopeOfTownship(ctx, c.get('scope'), q.township));
      const boxes = boxesOf(q.bbox);
      c.header('Content-Type', 'application/octet-stream');
      if (boxes) {
        const rows = rowsIn(cols, boxes);
        if (rows.length > BOX_LIMIT)
          throw new ApiError(
            413,
            'too_many_premises',
            `the box holds ${rows.length} premises, more than ${BOX_LIMIT} at once: zoom in, or ask /api/layers/premises/cells`,
            { premises: rows.length, limit: BOX_LIMIT },
            `该范围内有 ${rows.length} 户，一次最多 ${BOX_LIMIT} 户：请放大地图，或改用网格汇总（/api/layers/premises/cells）`,
          );
        const inside = new Uint8Array(cols.count);
        for (const r of rows) inside[r] = 1;
        const body = encodePremiseLayer(
          subsetColumns(cols, (r) => inside[r] === 1),
          ctx.startDay,
        );
        c.header('Cache-Control', 'no-store');
        return c.body(body as Uint8Array<ArrayBuffer>);
      }
      const layer = current(cols);
      c.header('ETag', layer.etag);
      c.header('Cache-Control', 'no-cache');
      // Compression weakens the ETag (W/"…"); the bytes behind it are the same either way.
      if (c.req.header('If-None-Match')?.replace(/^W\//, '') === layer.etag) return c.body(null, 304);
      return c.body(layer.body as Uint8Array<ArrayBuffer>);
    })
    .get('/premises/info', (c) => {
      const cols = columnsFor(ctx, c.get('scope'));
      const whole = cols.count <= wholeLimit;
      return c.json({
        premiseCount: cols.count,
        intervalCount: cols.intervalCount,
        wholeLayerLimit: wholeLimit,
        boxLimit: BOX_LIMIT,
        whole,
        // A page that never takes the layer whole classes its choropleth against these.
        ceilings: whole ? null : ceilingsOf(cols),
      });
    })
    .get('/premises/cells', validate('query', cellsQuery), (c) => {
      const q = c.req.valid('query');
      let scope = scopeOfTownship(ctx, c.get('scope'), q.township);
      if (q.village !== undefined) {
        if (!getVillage(ctx.db, q.village)) throw notFound(`village ${q.village}`);
        scope = scopeInTownship(scope, new Set([q.village]));
      }
      const cols = columnsFor(ctx, scope);
      const boxes = boxesOf(q.bbox);
      const categories = indexesOf(q.categories, 'categories');
      const statuses = indexesOf(q.statuses, 'statuses');
      const z = Math.floor(q.z);
      // Kept per version and scope (a write makes new columns): the views people go back to are answered at once.
      const key = [z, q.step, boxes?.join(';'), [...(categories ?? [])], [...(statuses ?? [])]].join('|');
      const byKey = cellCache.get(cols) ?? new Map<string, Uint8Array>();
      cellCache.set(cols, byKey);
      let body = byKey.get(key);
      if (!body) {
        const cells = premiseCells(cols, ctx.startDay, {
          cellSize: cellSizeForZoom(z),
          step: q.step,
          rows: boxes ? rowsIn(cols, boxes) : undefined,
          categories,
          statuses,
        });
        body = encodePremiseCells(cells);
        if (byKey.size >= CACHED_CELL_VIEWS) byKey.delete(byKey.keys().next().value as string);
        byKey.set(key, body);
      }
      c.header('Content-Type', 'application/octet-stream');
      c.header('Cache-Control', 'no-store');
      return c.body(body as Uint8Array<ArrayBuffer>);
    });
}
