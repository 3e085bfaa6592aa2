import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppContext } from '../context';
import {
  AREA_REASONS,
  type AreaFields,
  type AreaRow,
  createArea,
  deleteArea,
  getArea,
  listAreas,
  updateArea,
} from '../db/areas';
import { listTownships, listVillages } from '../db/geography';
import { areaIndexFor } from '../domain/areas/area-index';
import { type AreaShape, areaSeries, areaShape, areaStats } from '../domain/areas/area-stats';
import { dissolvedMessage } from '../domain/areas/dissolve-parts';
import { validatePolygon } from '../domain/areas/polygon-validation';
import { formatDay, parseDay } from '../domain/dates';
import type { PremiseColumns } from '../domain/premise-columns';
import { ApiError, notFound } from '../http/api-error';
import type { AppEnv } from '../http/auth';
import { polygonProblemsZh } from '../http/polygon-refusal';
import { idParam, isoDate, validate } from '../http/validate';
import { columnsFor } from '../scoped-columns';
import { premiseCsv, premisePage } from './areas-premise-list';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const geometry = z.unknown().refine((v) => v !== undefined, {
  message: 'required: a GeoJSON Polygon or MultiPolygon (or a Feature holding one)',
});
const page = z.coerce.number().int().min(1, 'pages count from 1').default(1);
const pageSize = z.coerce.number().int().min(1).max(500, 'at most 500 premises per page').default(50);
const stepDays = z.coerce.number().int().min(1).max(366).default(7);

const reason = z.enum(AREA_REASONS, { message: `expected one of ${AREA_REASONS.join(', ')}` });
const fieldsShape = {
  name: z.string().trim().min(1, 'the name must not be empty').max(100, 'at most 100 characters'),
  reason,
  note: z.string().trim().max(2000, 'at most 2,000 characters'),
  activeFrom: isoDate.nullable(),
  activeTo: isoDate.nullable(),
  geometry,
};
const createBody = z.object({
  ...fieldsShape,
  note: fieldsShape.note.default(''),
  activeFrom: fieldsShape.activeFrom.default(null),
  activeTo: fieldsShape.activeTo.default(null),
});
const updateBody = z.object(fieldsShape).partial().strict();

const atQuery = z.object({ at: isoDate.optional() });
const idParams = z.object({ id: idParam });

/** How a shape was mended before use: touching or overlapping parts merged, said so in the answer. */
interface Repaired {
  dissolved: true;
  partsBefore: number;
  partsAfter: number;
  message: string;
  messageZh: string;
}

/** The body, with `repaired` when the shape it was computed from had to be mended. */
const withRepair = <T extends object>(body: T, repaired: Repaired | null) => ({
  ...body,
  ...(repaired ? { repaired } : {}),
});

/** Key areas (重点区域): what a drawn shape holds, and the shapes leaders keep. */
export function areaRoutes(ctx: AppContext) {
  // Build the aggregate index in the background soon after start and after each burst of writes,
  // so the first area question after a change does not wait for it (~70 ms at 50k, ~0.8 s at 1M).
  let warming: ReturnType<typeof setTimeout> | undefined;
  const warm = () => {
    clearTimeout(warming);
    warming = setTimeout(() => areaIndexFor(ctx.model.columns), 250);
    warming.unref?.();
  };
  ctx.model.onChange(warm);
  warm();
  /** Validates (and mends) a shape from a request, or throws a 400 that says what is wrong and where. */
  const shapeOf = (input: unknown): { shape: AreaShape; repaired: Repaired | null } => {
    const township = listTownships(ctx.db).map((t) => t.geometry);
    const result = validatePolygon(input, { township });
    if (result.ok) {
      const d = result.dissolved;
      const repaired: Repaired | null = d && { dissolved: true, ...d, ...dissolvedMessage(d) };
      return { shape: areaShape(result.geometry), repaired };
    }
    const [first, ...rest] = result.problems;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    const message = first.message.startsWith('geometry') ? first.message : `geometry, ${first.message}`;
    throw new ApiError(
      400,
      'invalid_geometry',
      `${message}${more}`,
      { problems: result.problems },
      polygonProblemsZh(result.problems),
    );
  };
  const dayOf = (at: string | undefined) => (at === undefined ? ctx.endDay : (parseDay(at) as number));
  const villages = () => listVillages(ctx.db).map((v) => ({ id: v.id, name: v.name, geometry: v.geometry }));
  const stats = (cols: PremiseColumns, shape: AreaShape, day: number) =>
    areaStats(cols, shape, day, villages());
  const series = (cols: PremiseColumns, shape: AreaShape, step: number) => {
    const s = areaSeries(cols, shape, ctx.startDay, ctx.endDay, step);
    return { ...s, days: s.days.map(formatDay) };
  };
  const storedArea = (id: number): AreaRow => {
    const area = getArea(ctx.db, id);
    if (!area) throw notFound(`area ${id}`);
    return area;
  };
  const checkPeriod = (f: Pick<AreaFields, 'activeFrom' | 'activeTo'>) => {
    if (f.activeFrom && f.activeTo && f.activeTo < f.activeFrom) {
      const message = `activeTo: ${f.activeTo} is before activeFrom ${f.activeFrom}`;
      throw new ApiError(
        400,
        'bad_request',
        message,
        [{ path: 'activeTo', message }],
        `有效期至：${f.activeTo} 早于开始日期 ${f.activeFrom}，请核对重点区域的起止日期`,
      );
    }
  };
  const summary = (cols: PremiseColumns, area: AreaRow, day: number) => {
    const shape = areaShape(area.geometry);
    const s = areaStats(cols, shape, day);
    return {
      ...area,
      areaKm2: shape.areaKm2,
      headline: {
        surveyed: s.surveyed,
        unlicensed: s.unlicensed,
        progress: s.progress,
        densityPerKm2: s.densityPerKm2,
        unlicensedPerKm2: s.unlicensedPerKm2,
      },
    };
  };

  const colsOf = (c: Context<AppEnv>) => columnsFor(ctx, c.get('scope'));
  return new Hono<AppEnv>()
    .use(
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => {
          const message = `the request body is over the 2 MB limit; a shape may have at most 5,000 vertices`;
          const zh = '提交的内容超过 2 MB 上限；重点区域范围最多 5000 个顶点，请画得简单一些';
          return c.json(new ApiError(413, 'payload_too_large', message, undefined, zh).toJSON(), 413);
        },
      }),
    )
    .post('/stats', validate('json', z.object({ geometry, at: isoDate })), (c) => {
      const body = c.req.valid('json');
      const { shape, repaired } = shapeOf(body.geometry);
      return c.json(withRepair(stats(colsOf(c), shape, dayOf(body.at)), repaired));
    })
    .post('/series', validate('json', z.object({ geometry, stepDays })), (c) => {
      const body = c.req.valid('json');
      const { shape, repaired } = shapeOf(body.geometry);
      return c.json(withRepair(series(colsOf(c), shape, body.stepDays), repaired));
    })
    .post('/premises', validate('json', z.object({ geometry, at: isoDate, page, pageSize })), (c) => {
      const body = c.req.valid('json');
      const { shape, repaired } = shapeOf(body.geometry);
      return c.json(
        withRepair(premisePage(ctx, colsOf(c), shape, dayOf(body.at), body.page, body.pageSize), repaired),
      );
    })
    .post('/premises.csv', validate('json', z.object({ geometry, at: isoDate })), (c) => {
      const body = c.req.valid('json');
      const { shape, repaired } = shapeOf(body.geometry);
      const res = premiseCsv(ctx, colsOf(c), shape, dayOf(body.at), `重点区域经营户-${body.at}`);
      // a download has no body to say it in; header values are Latin-1, so the English sentence only
      if (repaired) {
        const { partsBefore, partsAfter, message } = repaired;
        res.headers.set(
          'X-Area-Repaired',
          JSON.stringify({ dissolved: true, partsBefore, partsAfter, message }),
        );
      }
      return res;
    })
    .get('/', validate('query', atQuery), (c) => {
      const day = dayOf(c.req.valid('query').at);
      return c.json({ at: formatDay(day), areas: listAreas(ctx.db).map((a) => summary(colsOf(c), a, day)) });
    })
    .post('/', validate('json', createBody), (c) => {
      const body = c.req.valid('json');
      checkPeriod(body);
      const { shape, repaired } = shapeOf(body.geometry);
      const area = createArea(ctx.db, { ...body, geometry: shape.geometry });
      return c.json(withRepair(summary(colsOf(c), area, ctx.endDay), repaired), 201);
    })
    .get('/:id', validate('param', idParams), validate('query', atQuery), (c) => {
      return c.json(summary(colsOf(c), storedArea(c.req.valid('param').id), dayOf(c.req.valid('query').at)));
    })
    .put('/:id', validate('param', idParams), validate('json', updateBody), (c) => {
      const before = storedArea(c.req.valid('param').id);
      const { geometry: input, ...fields } = c.req.valid('json');
      const checked = input === undefined ? null : shapeOf(input);
      const merged: AreaFields = {
        name: fields.name ?? before.name,
        reason: fields.reason ?? before.reason,
        note: fields.note ?? before.note,
        activeFrom: fields.activeFrom === undefined ? before.activeFrom : fields.activeFrom,
        activeTo: fields.activeTo === undefined ? before.activeTo : fields.activeTo,
        geometry: checked ? checked.shape.geometry : before.geometry,
      };
      checkPeriod(merged);
      const area = updateArea(ctx.db, before.id, merged) ?? storedArea(before.id);
      return c.json(withRepair(summary(colsOf(c), area, ctx.endDay), checked?.repaired ?? null));
    })
    .delete('/:id', validate('param', idParams), (c) => {
      const id = c.req.valid('param').id;
      if (!deleteArea(ctx.db, id)) throw notFound(`area ${id}`);
      return c.body(null, 204);
    })
    .get('/:id/stats', validate('param', idParams), validate('query', atQuery), (c) => {
      const area = storedArea(c.req.valid('param').id);
      return c.json({
        id: area.id,
        name: area.name,
        ...stats(colsOf(c), areaShape(area.geometry), dayOf(c.req.valid('query').at)),
      });
    })
    .get('/:id/series', validate('param', idParams), validate('query', z.object({ stepDays })), (c) => {
      const area = storedArea(c.req.valid('param').id);
      return c.json(series(colsOf(c), areaShape(area.geometry), c.req.valid('query').stepDays));
    })
    .get(
      '/:id/premises',
      validate('param', idParams),
      validate('query', atQuery.extend({ page, pageSize })),
      (c) => {
        const area = storedArea(c.req.valid('param').id);
        const q = c.req.valid('query');
        return c.json(premisePage(ctx, colsOf(c), areaShape(area.geometry), dayOf(q.at), q.page, q.pageSize));
      },
    )
    .get('/:id/premises.csv', validate('param', idParams), validate('query', atQuery), (c) => {
      const area = storedArea(c.req.valid('param').id);
      const day = dayOf(c.req.valid('query').at);
      return premiseCsv(ctx, colsOf(c), areaShape(area.geometry), day, `${area.name}-${formatDay(day)}`);
    });
}
