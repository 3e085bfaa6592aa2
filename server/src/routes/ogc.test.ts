import { beforeAll, describe, expect, it } from 'vitest';
import { bringInShitang } from '../../../tests/helpers/second-township';
import { accountToken, actingAs, demoApp, emptyApp, getJson } from '../../../tests/helpers/test-app';
import type { AppContext } from '../context';
import { listVillages } from '../db/geography';
import { listEvents } from '../db/premises';
import { departmentCategories } from '../domain/auth/roles';
import { CATEGORY_CODES } from '../domain/categories';
import { day } from '../domain/dates';
import { statusAt } from '../domain/status-at';

type App = Awaited<ReturnType<typeof demoApp>>['app'];
type Link = { href: string; rel: string; type: string };
type Page = GeoJSON.FeatureCollection & {
  numberMatched: number;
  numberReturned: number;
  links: Link[];
};
type Stats = { surveyed: number; byVillage: Record<string, { surveyed: number }> };

/** The path and query of a link the server gave (app.request() wants no host). */
const pathOf = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};

/** Every feature of a collection, following the next links from `first`. */
async function allPages(app: App, first: string): Promise<{ features: GeoJSON.Feature[]; pages: Page[] }> {
  const pages: Page[] = [];
  let path: string | null = first;
  while (path) {
    const page: Page = await getJson<Page>(app, path);
    pages.push(page);
    const next = page.links.find((l) => l.rel === 'next');
    path = next ? pathOf(next.href) : null;
  }
  return { features: pages.flatMap((p) => p.features), pages };
}

async function refusal(app: App, path: string) {
  const res = await app.request(path);
  return {
    status: res.status,
    body: (await res.json()) as { code: string; description: string; descriptionZh?: string },
  };
}

describe('OGC API – Features on the demo township', { timeout: 60_000 }, () => {
  let app: App;
  let anonymous: App;
  let ctx: AppContext;

  beforeAll(async () => {
    ({ app, anonymous, ctx } = await demoApp());
  });

  it('answers the landing page, conformance, API definition and collections as the standard shapes them', async () => {
    const landing = await getJson<{ title: string; links: Link[] }>(app, '/ogc');
    expect(landing.title).toContain(ctx.campaign.township);
    const rels = Object.fromEntries(landing.links.map((l) => [l.rel, l]));
    expect(Object.keys(rels).sort()).toEqual(['conformance', 'data', 'self', 'service-desc']);
    expect(pathOf(rels['service-desc'].href)).toBe('/ogc/api');

    const conformance = await getJson<{ conformsTo: string[] }>(app, '/ogc/conformance');
    expect(conformance.conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      ]),
    );

    const api = await app.request('/ogc/api');
    expect(api.headers.get('content-type')).toContain('application/vnd.oai.openapi+json');
    const openapi = (await api.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toMatch(/^3\.0/);
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/', '/conformance', '/collections', '/collections/premises/items']),
    );

    const all = await getJson<{ collections: { id: string; links: Link[]; extent: unknown }[] }>(
      app,
      '/ogc/collections',
    );
    expect(all.collections.map((c) => c.id)).toEqual(['villages', 'areas', 'premises']);
    const premises = await getJson<{
      id: string;
      links: Link[];
      extent: { spatial: { bbox: number[][] }; temporal: { interval: string[][] } };
    }>(app, '/ogc/collections/premises');
    expect(premises.links.find((l) => l.rel === 'items')?.type).toBe('application/geo+json');
    const [w, s, e, n] = premises.extent.spatial.bbox[0];
    const cols = ctx.model.columns;
    for (let r = 0; r < cols.count; r += 97) {
      expect(cols.lng[r]).toBeGreaterThanOrEqual(w);
      expect(cols.lng[r]).toBeLessThanOrEqual(e);
      expect(cols.lat[r]).toBeGreaterThanOrEqual(s);
      expect(cols.lat[r]).toBeLessThanOrEqual(n);
    }
    expect(premises.extent.temporal.interval[0][0]).toMatch(/^2008-01-01T/);
  });

  it('refuses nobody with an OGC exception and says how to sign in', async () => {
    const res = await anonymous.request('/ogc/collections/premises/items');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ code: 'NotAuthenticated' });
  });

  it('pages the premises by next links: numberMatched equals the tally, every premise once', async () => {
    const stats = await getJson<Stats>(app, '/api/stats?at=2009-06-30');
    const { features, pages } = await allPages(
      app,
      '/ogc/collections/premises/items?datetime=2009-06-30&limit=250',
    );
    expect(pages.length).toBe(Math.ceil(stats.surveyed / 250));
    for (const page of pages) {
      expect(page.numberMatched).toBe(stats.surveyed);
      expect(page.numberReturned).toBe(page.features.length);
    }
    expect(pages[0].numberReturned).toBe(250);
    expect(pages.at(-1)?.links.some((l) => l.rel === 'next')).toBe(false);
    const ids = features.map((f) => Number(f.id));
    expect(new Set(ids).size).toBe(stats.surveyed);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const byStatus = await getJson<{ byStatus: Record<string, number> }>(app, '/api/stats?at=2009-06-30');
    const counted: Record<string, number> = {};
    for (const f of features) {
      const key = String(f.properties?.status);
      counted[key] = (counted[key] ?? 0) + 1;
    }
    for (const [status, n] of Object.entries(byStatus.byStatus)) expect(counted[status] ?? 0).toBe(n);
  });

  it('keeps only the premises in the bbox, and finds them all', async () => {
    const box = [120.215, 30.33, 120.235, 30.35];
    const { features } = await allPages(
      app,
      `/ogc/collections/premises/items?bbox=${box.join(',')}&datetime=2010-12-31&limit=10000`,
    );
    const everything = await allPages(app, '/ogc/collections/premises/items?datetime=2010-12-31');
    const inside = (f: GeoJSON.Feature) => {
      const [lng, lat] = (f.geometry as GeoJSON.Point).coordinates;
      return lng >= box[0] && lng <= box[2] && lat >= box[1] && lat <= box[3];
    };
    const expected = everything.features.filter(inside).map((f) => f.id);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(everything.features.length);
    expect(features.map((f) => f.id)).toEqual(expected);
  });

  it('gives a premise its status as of datetime, as the fold of its records says', async () => {
    const cols = ctx.model.columns;
    const [early, late] = ['2008-06-30', '2010-12-31'];
    let changed = -1;
    for (let r = 0; r < cols.count && changed < 0; r++) {
      const events = listEvents(ctx.db, cols.id[r]);
      const category = CATEGORY_CODES[cols.category[r]];
      const [a, b] = [statusAt(category, events, day(early)), statusAt(category, events, day(late))];
      if (a.status && b.status && a.status !== b.status) changed = cols.id[r];
    }
    expect(changed).toBeGreaterThan(0);
    const premise = listEvents(ctx.db, changed);
    const category = CATEGORY_CODES[cols.category[cols.rowOf.get(changed) as number]];
    for (const at of [early, late]) {
      const feature = await getJson<GeoJSON.Feature>(
        app,
        `/ogc/collections/premises/items/${changed}?datetime=${at}`,
      );
      expect(feature.properties?.status).toBe(statusAt(category, premise, day(at)).status);
      expect(feature.properties?.at).toBe(at);
    }
    // the same premise in a page of the items on each day
    const near = (at: string) =>
      getJson<Page>(app, `/ogc/collections/premises/items?datetime=${at}&after=${changed - 1}&limit=1`);
    const [a, b] = await Promise.all([near(early), near(late)]);
    expect(a.features[0].id).toBe(changed);
    expect(a.features[0].properties?.status).not.toBe(b.features[0].properties?.status);
  });

  it('leaves a premise out before its survey', async () => {
    const before = await getJson<Page>(app, '/ogc/collections/premises/items?datetime=2007-12-31');
    expect(before.numberMatched).toBe(0);
    expect(before.features).toEqual([]);
    const first = ctx.model.columns.id[0];
    expect((await refusal(app, `/ogc/collections/premises/items/${first}?datetime=2007-12-31`)).status).toBe(
      404,
    );
  });

  it('shows the personal fields to the admin (ID masked) and none to a viewer', async () => {
    const path = '/ogc/collections/premises/items?limit=50&datetime=2010-12-31';
    const admin = await getJson<Page>(app, path);
    const withOperator = admin.features.filter((f) => f.properties?.operator);
    expect(withOperator.length).toBeGreaterThan(0);
    for (const f of admin.features) {
      expect(Object.keys(f.properties ?? {})).toEqual(
        expect.arrayContaining(['operator', 'phone', 'idNumber']),
      );
      const id = f.properties?.idNumber as string | null;
      if (id) expect(id).toMatch(/\*{4,}/);
    }
    const viewer = actingAs(app, accountToken(ctx.db, 'guest', 'viewer'));
    const seen = await getJson<Page>(viewer, path);
    expect(seen.features.map((f) => f.id)).toEqual(admin.features.map((f) => f.id));
    for (const f of seen.features) {
      for (const field of ['operator', 'phone', 'idNumber']) expect(f.properties).not.toHaveProperty(field);
    }
    const one = await getJson<GeoJSON.Feature>(
      viewer,
      `/ogc/collections/premises/items/${seen.features[0].id}`,
    );
    expect(one.properties).not.toHaveProperty('phone');
  });

  it('shows a village officer only their villages and an inspector only their trades', async () => {
    const [home, away] = listVillages(ctx.db);
    const officer = actingAs(app, accountToken(ctx.db, 'cunguan', 'village', { villageCodes: [home.code] }));
    const stats = await getJson<Stats>(app, '/api/stats?at=2010-12-31');
    const { features } = await allPages(officer, '/ogc/collections/premises/items?datetime=2010-12-31');
    expect(features.length).toBe(stats.byVillage[String(home.id)].surveyed);
    expect(new Set(features.map((f) => f.properties?.villageId))).toEqual(new Set([home.id]));
    const cols = ctx.model.columns;
    const theirs = [...Array(cols.count).keys()].find((r) => cols.villageId[r] === away.id) as number;
    const guess = await refusal(officer, `/ogc/collections/premises/items/${cols.id[theirs]}`);
    expect(guess).toMatchObject({ status: 404, body: { code: 'NotFound' } });

    const inspector = actingAs(app, accountToken(ctx.db, 'gongshang', 'inspector', { department: 'aic' }));
    const trades = new Set<string>(departmentCategories('aic'));
    const seen = await allPages(inspector, '/ogc/collections/premises/items?limit=10000');
    expect(seen.features.length).toBeGreaterThan(0);
    for (const f of seen.features) expect(trades.has(String(f.properties?.category))).toBe(true);
  });

  it('filters on the declared properties', async () => {
    const stats = await getJson<{ byCategory: Record<string, { surveyed: number }> }>(
      app,
      '/api/stats?at=2010-12-31',
    );
    const page = await getJson<Page>(
      app,
      '/ogc/collections/premises/items?category=grocery&datetime=2010-12-31&limit=1',
    );
    expect(page.numberMatched).toBe(stats.byCategory.grocery.surveyed);
    expect(page.features[0].properties?.category).toBe('grocery');
  });

  it('serves the villages and the key areas whose period meets datetime', async () => {
    const villages = await allPages(app, '/ogc/collections/villages/items?limit=5');
    expect(villages.features.length).toBe(listVillages(ctx.db).length);
    expect(villages.pages.length).toBe(Math.ceil(villages.features.length / 5));
    expect(villages.features[0].geometry.type).toMatch(/Polygon/);

    const square = [
      [120.2, 30.33],
      [120.21, 30.33],
      [120.21, 30.34],
      [120.2, 30.34],
      [120.2, 30.33],
    ];
    const made = await app.request('/api/areas', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '集贸市场周边',
        reason: 'concentration',
        activeFrom: '2009-01-01',
        activeTo: '2009-12-31',
        geometry: { type: 'Polygon', coordinates: [square] },
      }),
    });
    const area = (await made.json()) as { id: number };
    const ids = async (q: string) =>
      (await getJson<Page>(app, `/ogc/collections/areas/items${q}`)).features.map((f) => f.id);
    expect(await ids('')).toContain(area.id);
    expect(await ids('?datetime=2009-06-30')).toContain(area.id);
    expect(await ids('?datetime=2010-06-30')).not.toContain(area.id);
    expect(await ids('?datetime=2008-06-01/2009-01-01')).toContain(area.id);
    expect(await ids('?bbox=120.3,30.4,120.4,30.5')).not.toContain(area.id);
    const one = await getJson<GeoJSON.Feature>(app, `/ogc/collections/areas/items/${area.id}`);
    expect(one.properties).toMatchObject({ name: '集贸市场周边', reason: 'concentration' });
  });

  it('answers a malformed parameter with a 400 that names it, and unknown things with a 404', async () => {
    const items = '/ogc/collections/premises/items';
    const bad: [string, string][] = [
      ['bbox=120.2,30.3,120.3', 'bbox'],
      ['bbox=a,b,c,d', 'bbox'],
      ['bbox=120.2,30.4,120.3,30.3', 'bbox'],
      ['datetime=2009-02-30', 'datetime'],
      ['datetime=2010-01-01/2009-01-01', 'datetime'],
      ['datetime=yesterday', 'datetime'],
      ['limit=0', 'limit'],
      ['limit=ten', 'limit'],
      ['after=-3', 'after'],
      ['status=done', 'status'],
      ['colour=red', 'colour'],
      ['f=xml', 'f'],
      ['crs=EPSG:4490', 'crs'],
    ];
    for (const [query, name] of bad) {
      const { status, body } = await refusal(app, `${items}?${query}`);
      expect(status, query).toBe(400);
      expect(body.code, query).toBe('InvalidParameterValue');
      expect(body.description, query).toContain(name);
      expect(body.descriptionZh, query).toContain(name);
    }
    expect((await refusal(app, '/ogc/collections/shops/items')).status).toBe(404);
    expect((await refusal(app, '/ogc/collections/premises/items/99999999')).status).toBe(404);
    expect((await refusal(app, '/ogc/collections/villages/items/abc')).status).toBe(404);
    expect((await refusal(app, '/ogc/somewhere')).body.code).toBe('NotFound');
  });

  it('serves a limit above the maximum at the maximum', async () => {
    const page = await getJson<Page>(app, '/ogc/collections/premises/items?limit=999999');
    expect(page.numberReturned).toBe(Math.min(page.numberMatched, 10_000));
  });
});

describe('OGC API – Features on 石塘镇 and on an empty record', { timeout: 120_000 }, () => {
  it('describes the second township by its own names and serves its villages and premises', async () => {
    const { app, ctx } = await emptyApp();
    const empty = await getJson<Page>(app, '/ogc/collections/premises/items');
    expect(empty.numberMatched).toBe(0);
    expect((await getJson<Page>(app, '/ogc/collections/villages/items')).features).toEqual([]);

    const intake = await bringInShitang(ctx, { gazetteer: false, survey: 'fixed' });
    const landing = await getJson<{ title: string }>(app, '/ogc');
    expect(landing.title).toContain('石塘镇');
    const collections = await getJson<{ collections: { title: string }[] }>(app, '/ogc/collections');
    for (const c of collections.collections) expect(c.title).toContain('石塘镇');
    const villages = await getJson<Page>(app, '/ogc/collections/villages/items');
    expect(villages.numberMatched).toBe(listVillages(ctx.db).length);
    expect(villages.numberMatched).toBeGreaterThan(3);
    const premises = await allPages(app, '/ogc/collections/premises/items?limit=100');
    expect(premises.features.length).toBe(ctx.model.columns.count);
    expect(premises.features.length).toBe(intake.survey?.commit?.created ?? -1);
    const names = new Set(villages.features.map((f) => f.properties?.name));
    for (const f of premises.features) expect(names.has(f.properties?.village)).toBe(true);
  });

  it('walks on past a page whose premises another process deleted before the map followed', async () => {
    const { app, ctx } = await emptyApp();
    await bringInShitang(ctx, { gazetteer: false, survey: 'fixed' });
    const all = (await allPages(app, '/ogc/collections/premises/items?limit=10000')).features.map(
      (f) => f.id,
    );
    // As the CLI's undo of an import would: gone from the database, still in the columns until they follow.
    const gone = all.slice(0, 50);
    ctx.db
      .prepare('DELETE FROM premises WHERE id IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify(gone));
    const { features, pages } = await allPages(app, '/ogc/collections/premises/items?limit=50');
    expect(pages[0].features).toEqual([]);
    expect(features.map((f) => f.id)).toEqual(all.slice(50));
  });
});
