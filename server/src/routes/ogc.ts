import { bbox as geometryBbox } from '@turf/turf';
import { type Context, Hono } from 'hono';
import type { AppContext } from '../context';
import { AREA_REASONS, getArea, listAreas } from '../db/areas';
import { getVillage, listTownships, listVillages } from '../db/geography';
import { premisesByIds } from '../db/premises';
import { grant } from '../domain/auth/policy';
import { categoryIndex } from '../domain/categories';
import { formatDay } from '../domain/dates';
import {
  CONFORMANCE,
  type CollectionDef,
  type CollectionExtent,
  collectionDefs,
  collectionDoc,
  type Link,
  landingPage,
  MEDIA_GEOJSON,
  MEDIA_JSON,
  MEDIA_OPENAPI,
} from '../domain/ogc/collections';
import { InvalidParameter } from '../domain/ogc/invalid-parameter';
import { checkFormat, type ItemsQuery, parseItemsQuery } from '../domain/ogc/items-query';
import { parseDatetime, statusDay } from '../domain/ogc/ogc-datetime';
import { OGC_ROOT } from '../domain/ogc/ogc-paths';
import { ogcOpenApi } from '../domain/ogc/openapi';
import { pageById } from '../domain/ogc/page-by-id';
import { intervalOnDay, type PremiseHit, premisePage } from '../domain/ogc/premise-page';
import type { PremiseColumns } from '../domain/premise-columns';
import { type Status, statusIndex } from '../domain/statuses';
import { type AppEnv, actorOf, authMiddleware } from '../http/auth';
import { areaFeature, villageFeature } from '../pipelines/geography-features';
import { columnsFor } from '../scoped-columns';
import { recordName, scopeInTownship } from '../township-scope';
import { ogcErrorResponse, ogcException } from './ogc-errors';
import {
  areaMatches,
  type OgcFeature,
  type PremiseFeatureContext,
  premiseFeature,
  villageMatches,
} from './ogc-features';
import { liveDayOf } from './worklists';

type Ctx = Context<AppEnv>;

/** The API's root as the client reached it, so every link leads back the same way. */
const baseOf = (c: Ctx) => `${new URL(c.req.url).origin}${OGC_ROOT}`;

const jsonAnswer = (body: unknown, type = MEDIA_JSON) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': type } });

/** The parameters a single feature takes (its status day for premises; JSON; CRS84). */
const FEATURE_PARAMETERS = new Set(['datetime', 'f', 'crs']);

function checkFeatureQuery(query: Record<string, string>) {
  const unknown = Object.keys(query).filter((k) => !FEATURE_PARAMETERS.has(k));
  if (unknown.length > 0) {
    throw new InvalidParameter(
      `unknown parameter ${unknown.map((k) => `'${k}'`).join(', ')}; a feature takes datetime, f and crs`,
      `未知参数 ${unknown.map((k) => `'${k}'`).join('、')}；单个要素只接受 datetime、f 和 crs`,
    );
  }
  checkFormat(query.f);
  return query.datetime === undefined ? null : parseDatetime(query.datetime);
}

/**
 * The next page's address: the same request with the cursor after the page's last match — not its
 * last feature, which a premise deleted before the columns followed may have left out.
 */
function pageLinks(c: Ctx, lastId: number | undefined, more: boolean): Link[] {
  const self = new URL(c.req.url);
  const links: Link[] = [
    { href: self.href, rel: 'self', type: MEDIA_GEOJSON, title: 'This page' },
    { href: self.href.replace(/\/items(\?.*)?$/, ''), rel: 'collection', type: MEDIA_JSON },
  ];
  if (more && lastId !== undefined) {
    const next = new URL(self);
    next.searchParams.set('after', String(lastId));
    links.push({ href: next.href, rel: 'next', type: MEDIA_GEOJSON, title: 'The next page' });
  }
  return links;
}

interface FeaturePage {
  features: OgcFeature[];
  matched: number;
  more: boolean;
  /** The id of the page's last match: where the next page starts. */
  lastId: number | undefined;
}

function featureCollection(c: Ctx, page: FeaturePage) {
  return jsonAnswer(
    {
      type: 'FeatureCollection',
      features: page.features,
      numberMatched: page.matched,
      numberReturned: page.features.length,
      timeStamp: new Date().toISOString(),
      links: pageLinks(c, page.lastId, page.more),
    },
    MEDIA_GEOJSON,
  );
}

/**
 * OGC API – Features (Part 1: Core, GeoJSON) at /ogc: villages, key areas and the premises with
 * their status on a day, for QGIS and GDAL. Behind the same sign-in and tokens as /api; a village
 * officer sees their villages' premises, an inspector their trades'; the personal fields come only
 * to roles that read ledgers, masked as in the premise file. Errors as OGC exceptions.
 */
export function ogcRoutes(ctx: AppContext) {
  const liveDay = liveDayOf(ctx);
  const township = () => recordName(ctx);
  const defs = () => collectionDefs(township(), AREA_REASONS);
  const defOf = (id: string): CollectionDef | undefined => defs().find((d) => d.id === id);

  const extent = (): CollectionExtent => {
    const shapes = listTownships(ctx.db).map((t) => geometryBbox(t.geometry));
    const box: [number, number, number, number] =
      shapes.length === 0
        ? [-180, -90, 180, 90]
        : [
            Math.min(...shapes.map((b) => b[0])),
            Math.min(...shapes.map((b) => b[1])),
            Math.max(...shapes.map((b) => b[2])),
            Math.max(...shapes.map((b) => b[3])),
          ];
    return { bbox: box, start: formatDay(ctx.startDay), end: formatDay(ctx.endDay) };
  };

  /**
   * How the asking account's premises are drawn: its scope's columns (of one township when
   * `townshipId` is asked for: none of an unknown one), its role's personal fields.
   */
  const premiseContext = (
    c: Ctx,
    day: number,
    townshipId?: number,
  ): { cols: PremiseColumns; f: PremiseFeatureContext } => {
    const actor = actorOf(c);
    const all = listVillages(ctx.db);
    const inTownship =
      townshipId === undefined
        ? null
        : new Set(all.filter((v) => v.townshipId === townshipId).map((v) => v.id));
    const cols = columnsFor(ctx, scopeInTownship(c.get('scope'), inTownship));
    const villages = new Map(all.map((v) => [v.id, v]));
    const personalRole = grant(actor, 'export.ledger') === null ? null : actor.role;
    return { cols, f: { cols, day, villages, personalRole } };
  };

  const premiseFeatures = (f: PremiseFeatureContext, hits: readonly PremiseHit[]) => {
    const rows = premisesByIds(
      ctx.db,
      hits.map((h) => f.cols.id[h.row]),
    );
    const out: OgcFeature[] = [];
    for (const hit of hits) {
      const premise = rows.get(f.cols.id[hit.row]);
      if (premise) out.push(premiseFeature(premise, hit, f));
    }
    return out;
  };

  const premiseItems = (c: Ctx, q: ItemsQuery): FeaturePage => {
    const township = q.filters.get('townshipId') as number | undefined;
    const { cols, f } = premiseContext(c, statusDay(q.datetime, liveDay()), township);
    const category = q.filters.get('category');
    const status = q.filters.get('status');
    const page = premisePage(cols, {
      day: f.day,
      boxes: q.boxes,
      category: category === undefined ? undefined : categoryIndex(String(category)),
      status: status === undefined ? undefined : statusIndex(status as Status),
      villageId: q.filters.get('villageId') as number | undefined,
      unlicensed: q.filters.get('unlicensed') as boolean | undefined,
      afterId: q.afterId,
      limit: q.limit,
    });
    const last = page.hits.at(-1);
    return {
      features: premiseFeatures(f, page.hits),
      matched: page.matched,
      more: page.more,
      lastId: last === undefined ? undefined : cols.id[last.row],
    };
  };

  const notFound = ([en, zh]: [string, string]) => ogcException(404, en, zh);

  const app = new Hono<AppEnv>()
    .use('*', authMiddleware(ctx.db, ctx.auth.limits))
    .get('/', (c) => {
      checkFormat(c.req.query('f'));
      return jsonAnswer(landingPageOf(c));
    })
    .get('/conformance', (c) => {
      checkFormat(c.req.query('f'));
      return jsonAnswer({ conformsTo: CONFORMANCE });
    })
    .get('/api', (c) => {
      checkFormat(c.req.query('f'));
      return jsonAnswer(ogcOpenApi(baseOf(c), title(), defs()), MEDIA_OPENAPI);
    })
    .get('/collections', (c) => {
      checkFormat(c.req.query('f'));
      const base = baseOf(c);
      const where = extent();
      return jsonAnswer({
        links: [
          { href: `${base}/collections`, rel: 'self', type: MEDIA_JSON, title: 'The collections' },
        ] satisfies Link[],
        collections: defs().map((d) => collectionDoc(d, base, where)),
      });
    })
    .get('/collections/:collectionId', (c) => {
      checkFormat(c.req.query('f'));
      const def = defOf(c.req.param('collectionId'));
      if (!def) return notFound(collectionMissing(c.req.param('collectionId')));
      return jsonAnswer(collectionDoc(def, baseOf(c), extent()));
    })
    .get('/collections/:collectionId/items', (c) => {
      const def = defOf(c.req.param('collectionId'));
      if (!def) return notFound(collectionMissing(c.req.param('collectionId')));
      const q = parseItemsQuery(c.req.query(), def.filters);
      if (def.id === 'premises') return featureCollection(c, premiseItems(c, q));
      if (def.id === 'villages') {
        const kept = listVillages(ctx.db).filter((v) => villageMatches(v, q.boxes, q.filters));
        const page = pageById(kept, q.afterId, q.limit);
        return featureCollection(c, {
          ...page,
          features: page.items.map(villageFeature),
          lastId: page.items.at(-1)?.id,
        });
      }
      const kept = listAreas(ctx.db).filter((a) => areaMatches(a, q.boxes, q.datetime, q.filters));
      const page = pageById(kept, q.afterId, q.limit);
      return featureCollection(c, {
        ...page,
        features: page.items.map(areaFeature),
        lastId: page.items.at(-1)?.id,
      });
    })
    .get('/collections/:collectionId/items/:featureId', (c) => {
      const id = c.req.param('collectionId');
      const def = defOf(id);
      if (!def) return notFound(collectionMissing(id));
      const datetime = checkFeatureQuery(c.req.query());
      const raw = c.req.param('featureId');
      const featureId = /^\d{1,10}$/.test(raw) ? Number(raw) : -1;
      const missing = () => notFound([`there is no feature '${raw}' in ${id}`, `${id} 中没有要素 '${raw}'`]);
      let feature: OgcFeature | null = null;
      if (def.id === 'villages') {
        const v = featureId < 0 ? null : getVillage(ctx.db, featureId);
        feature = v ? villageFeature(v) : null;
      } else if (def.id === 'areas') {
        const a = featureId < 0 ? null : getArea(ctx.db, featureId);
        feature = a ? areaFeature(a) : null;
      } else {
        const { cols, f } = premiseContext(c, statusDay(datetime, liveDay()));
        const row = cols.rowOf.get(featureId);
        const interval = row === undefined ? -1 : intervalOnDay(cols, row, f.day);
        if (row !== undefined && interval >= 0) feature = premiseFeatures(f, [{ row, interval }])[0] ?? null;
      }
      if (!feature) return missing();
      const self = `${baseOf(c)}/collections/${id}/items/${feature.id}`;
      return jsonAnswer(
        {
          ...feature,
          links: [
            { href: self, rel: 'self', type: MEDIA_GEOJSON, title: 'This feature' },
            { href: `${baseOf(c)}/collections/${id}`, rel: 'collection', type: MEDIA_JSON },
          ] satisfies Link[],
        },
        MEDIA_GEOJSON,
      );
    })
    // Anything else under /ogc: the landing page with a trailing slash, or an OGC 404.
    .get('/*', (c) => {
      if (c.req.path === `${OGC_ROOT}/`) return jsonAnswer(landingPageOf(c));
      return notFound([
        `no such resource: ${c.req.path}; start at ${OGC_ROOT}`,
        `没有这个资源：${c.req.path}；请从 ${OGC_ROOT} 开始`,
      ]);
    });
  app.onError(ogcErrorResponse);
  return app;

  function title() {
    return `${ctx.campaign.name}（${township()}）`;
  }
  function landingPageOf(c: Ctx) {
    return landingPage(
      baseOf(c),
      title(),
      `OGC API – Features of the campaign map of ${township()}: its villages, key areas and premises. Sign in or send an API token as Authorization: Bearer sx_….`,
    );
  }
  function collectionMissing(id: string): [string, string] {
    const ids = defs().map((d) => d.id);
    return [
      `there is no collection '${id}'; the collections are ${ids.join(', ')}`,
      `没有集合 '${id}'；可用的集合：${ids.join('、')}`,
    ];
  }
}
