import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { audit } from '../db/audit';
import {
  addressPointInserter,
  countAddressPoints,
  currentGazetteer,
  deleteAlias,
  getAlias,
  getAliasByFrom,
  insertAlias,
  listAliases,
} from '../db/gazetteer';
import {
  listOpenReviews,
  placePremiseByHand,
  resolveReview,
  streamLocatedPremises,
} from '../db/geocode-reviews';
import { getPremise, type PremiseRow } from '../db/premises';
import { addressPointFrom, plateText } from '../domain/geocoder/address-point-from';
import { villageAt } from '../domain/geocoder/gazetteer-index';
import { CONFIDENCE, geocodeAddress, readAddress } from '../domain/geocoder/geocode-address';
import { reviewQueue } from '../domain/geocoder/review-queue';
import type { Gazetteer } from '../domain/geocoder/types';
import { ApiError, notFound } from '../http/api-error';
import { idParam, validate } from '../http/validate';

const lngLat = z.tuple(
  [
    z.number({ message: 'expected the longitude as a number' }).min(-180).max(180),
    z.number({ message: 'expected the latitude as a number' }).min(-90).max(90),
  ],
  { message: 'expected [longitude, latitude] in WGS-84 degrees, e.g. [120.2261, 30.3478]' },
);

const placeName = z
  .string({ message: 'expected a place name' })
  .transform((s) => s.normalize('NFKC').replace(/\s+/gu, ''))
  .pipe(
    z
      .string()
      .min(1, 'expected a place name, e.g. 江干区')
      .max(40, 'a place name has at most 40 characters')
      .refine((s) => !/\d/u.test(s), 'a place name has no digits'),
  );

const aliasBody = z
  .object({ from: placeName, to: placeName })
  .strict()
  .refine((a) => a.from !== a.to, { path: ['to'], message: 'from and to are the same name' });

function premiseOr404(ctx: AppContext, id: number): PremiseRow {
  const premise = getPremise(ctx.db, id);
  if (!premise) throw notFound(`premise ${id}`);
  return premise;
}

/** What the geocoder thought of the premise's current point, before a person moved it. */
function currentView(premise: PremiseRow, g: Gazetteer) {
  const result = geocodeAddress(premise.address, g, { spreadSeed: premise.id });
  return {
    method: premise.geocodeMethod,
    confidence: CONFIDENCE[premise.geocodeMethod],
    matchedText: result.matchedText,
    conflict: result.conflict,
  };
}

/**
 * The offline geocoder: try an address, the review queue and its corrections, aliases, and how many
 * door plates it holds (they are imported with the other imports: POST /api/imports/addresses).
 */
export function geocodingRoutes(ctx: AppContext) {
  return new Hono()
    .post(
      '/',
      validate(
        'json',
        z
          .object({
            address: z
              .string({ message: 'expected the address as written, e.g. 丁桥镇大唐村1组23号' })
              .trim()
              .min(1, 'expected the address as written, e.g. 丁桥镇大唐村1组23号')
              .max(200, 'an address has at most 200 characters'),
          })
          .strict(),
      ),
      (c) => {
        const { address } = c.req.valid('json');
        const g = currentGazetteer(ctx.db);
        const read = readAddress(address, g);
        return c.json({ ...geocodeAddress(address, g), normalized: read.normalized, parsed: read.parsed });
      },
    )
    .get(
      '/reviews',
      validate(
        'query',
        z.object({
          village: idParam.optional(),
          limit: z.coerce.number({ message: 'expected a number' }).int().min(1).max(1000).default(200),
          offset: z.coerce.number({ message: 'expected a number' }).int().min(0).default(0),
        }),
      ),
      (c) => {
        const q = c.req.valid('query');
        const g = currentGazetteer(ctx.db);
        const items = reviewQueue(streamLocatedPremises(ctx.db, q.village), listOpenReviews(ctx.db), g);
        return c.json({
          total: items.length,
          offset: q.offset,
          items: items.slice(q.offset, q.offset + q.limit),
        });
      },
    )
    .post(
      '/reviews/:premiseId',
      validate('param', z.object({ premiseId: idParam })),
      validate('json', z.object({ lngLat }).strict()),
      (c) => {
        const id = c.req.valid('param').premiseId;
        const point = c.req.valid('json').lngLat as [number, number];
        const premise = premiseOr404(ctx, id);
        const g = currentGazetteer(ctx.db);
        const at = villageAt(g, point);
        if (!at) {
          throw new ApiError(
            400,
            'bad_request',
            `lngLat: [${point.join(', ')}] is outside every village of the township; place the pin inside the township`,
            undefined,
            `位置：[${point.join(', ')}] 不在本镇任何村（社区）内；请把标记放在本镇范围内`,
          );
        }
        const before = currentView(premise, g);
        const learned = addressPointFrom(premise.address, point, 'correction', g);
        const pointId = ctx.db.transaction(() => {
          placePremiseByHand(ctx.db, id, point);
          resolveReview(ctx.db, { premiseId: id, address: premise.address, before, lngLat: point });
          const newPointId = learned ? addressPointInserter(ctx.db)(learned) : null;
          audit(ctx.db, {
            action: 'geocode_correction',
            entity: 'premise',
            entityId: id,
            before: { lngLat: [premise.lng, premise.lat], method: premise.geocodeMethod, crs: premise.crs },
            after: { lngLat: point, method: 'manual', crs: 'WGS84', addressPointId: newPointId },
          });
          return newPointId;
        })();
        ctx.model.refresh(id);
        const named = geocodeAddress(premise.address, g).villageInAddress;
        return c.json({
          premiseId: id,
          lngLat: point,
          method: 'manual' as const,
          villageAtPoint: { id: at.id, name: at.name },
          villageInAddress: named,
          conflict: named !== null && named.id !== at.id,
          learned: learned && pointId !== null ? { id: pointId, plate: plateText(learned) } : null,
          ...(learned
            ? {}
            : { note: 'the address has no door number, so it cannot teach the gazetteer a plate' }),
        });
      },
    )
    .get('/aliases', (c) => c.json({ aliases: listAliases(ctx.db) }))
    .post('/aliases', validate('json', aliasBody), (c) => {
      const alias = c.req.valid('json');
      const existing = getAliasByFrom(ctx.db, alias.from);
      if (existing) {
        throw new ApiError(
          409,
          'conflict',
          `from: ${alias.from} is already an alias of ${existing.to} (alias ${existing.id}); delete that one first`,
          undefined,
          `地名别名：${alias.from} 已是 ${existing.to} 的别名（别名 ${existing.id}）；请先删除那一条`,
        );
      }
      const id = ctx.db.transaction(() => {
        const newId = insertAlias(ctx.db, alias);
        audit(ctx.db, { action: 'create', entity: 'place_alias', entityId: newId, after: alias });
        return newId;
      })();
      return c.json({ id, ...alias }, 201);
    })
    .delete('/aliases/:id', validate('param', z.object({ id: idParam })), (c) => {
      const id = c.req.valid('param').id;
      const alias = getAlias(ctx.db, id);
      if (!alias) throw notFound(`alias ${id}`);
      ctx.db.transaction(() => {
        deleteAlias(ctx.db, id);
        audit(ctx.db, { action: 'delete', entity: 'place_alias', entityId: id, before: alias });
      })();
      return c.json({ deleted: alias });
    })
    .get('/address-points', (c) => c.json({ count: countAddressPoints(ctx.db) }));
}
