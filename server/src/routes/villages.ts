import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { getVillage, listVillages, type VillageRow } from '../db/geography';
import { notFound } from '../http/api-error';
import { idParam, validate } from '../http/validate';
import { villagesOfTownship } from '../township-scope';

function toFeature(v: VillageRow): GeoJSON.Feature {
  return {
    type: 'Feature',
    id: v.id,
    properties: {
      id: v.id,
      code: v.code,
      name: v.name,
      kind: v.kind,
      townshipId: v.townshipId,
      areaKm2: Math.round(v.areaKm2 * 1000) / 1000,
      fringe: v.fringe,
      pilot: v.pilot,
    },
    geometry: v.geometry,
  };
}

export function villageRoutes(ctx: AppContext) {
  return new Hono()
    .get('/', validate('query', z.object({ township: idParam.optional() })), (c) => {
      const { township } = c.req.valid('query');
      const inTownship = township === undefined ? null : villagesOfTownship(ctx, township);
      const villages = listVillages(ctx.db).filter((v) => !inTownship || inTownship.has(v.id));
      return c.json({ type: 'FeatureCollection' as const, features: villages.map(toFeature) });
    })
    .get('/:id', validate('param', z.object({ id: idParam })), (c) => {
      const id = c.req.valid('param').id;
      const village = getVillage(ctx.db, id);
      if (!village) throw notFound(`village ${id}`);
      return c.json(toFeature(village));
    });
}
