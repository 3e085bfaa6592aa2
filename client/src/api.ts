import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../server/src/app';
import { decodePremises, type PremisesData } from './lib/premises-binary';
import type { VillageCollection } from './lib/village-types';

/** Typed calls to our own server, by path: the page never talks to another host. */
const client = hc<AppType>('/');

export type CampaignInfo = InferResponseType<typeof client.api.campaign.$get, 200>;
export type StatusSeries = InferResponseType<typeof client.api.stats.series.$get, 200>;
export type PremiseFile = InferResponseType<(typeof client.api.premises)[':id']['$get'], 200>;

/** An HTTP failure with the server's own message when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function ok(res: Response): Promise<Response> {
  if (res.ok) return res;
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = (await res.clone().json()) as { error?: { message?: string } };
    if (body.error?.message) message = body.error.message;
  } catch {
    // not JSON: keep the status line
  }
  throw new ApiRequestError(res.status, message);
}

export async function fetchCampaign(init?: RequestInit): Promise<CampaignInfo> {
  return (await ok(await client.api.campaign.$get(undefined, { init }))).json() as Promise<CampaignInfo>;
}

export async function fetchVillages(init?: RequestInit): Promise<VillageCollection> {
  const res = await ok(await client.api.villages.$get(undefined, { init }));
  return (await res.json()) as unknown as VillageCollection;
}

export async function fetchPremisesLayer(init?: RequestInit): Promise<PremisesData> {
  const res = await ok(await client.api.layers.premises.$get(undefined, { init }));
  return decodePremises(await res.arrayBuffer());
}

export async function fetchSeries(
  filter: { village?: number; category?: string },
  init?: RequestInit,
): Promise<StatusSeries> {
  const query = {
    ...(filter.village !== undefined ? { village: String(filter.village) } : {}),
    ...(filter.category !== undefined ? { category: filter.category } : {}),
  };
  return (await ok(await client.api.stats.series.$get({ query }, { init }))).json() as Promise<StatusSeries>;
}

export async function fetchPremise(id: number, at: string | null, init?: RequestInit): Promise<PremiseFile> {
  const res = await client.api.premises[':id'].$get(
    { param: { id: String(id) }, query: at ? { at } : {} },
    { init },
  );
  return (await ok(res)).json() as Promise<PremiseFile>;
}

/** Where the map style lives (the offline township basemap). */
export const BASEMAP_STYLE_PATH = '/api/basemap/style.json';

type AreasClient = typeof client.api.areas;
export type SavedArea = InferResponseType<AreasClient['$get'], 200>['areas'][number];
export type AreaStatsAnswer = InferResponseType<AreasClient['stats']['$post'], 200>;
export type AreaSeriesAnswer = InferResponseType<AreasClient['series']['$post'], 200>;
export type AreaPremisePage = InferResponseType<AreasClient['premises']['$post'], 200>;
export type AreaPremise = AreaPremisePage['premises'][number];
/** The fields of a key area a person writes (the geometry is a GeoJSON Polygon or MultiPolygon). */
export type AreaFieldsInput = Pick<
  SavedArea,
  'name' | 'reason' | 'note' | 'activeFrom' | 'activeTo' | 'geometry'
>;

/** The saved key areas, with their headline numbers on `at` (default: the campaign's last day). */
export async function fetchAreas(init?: RequestInit, at?: string): Promise<SavedArea[]> {
  const res = await ok(await client.api.areas.$get({ query: at ? { at } : {} }, { init }));
  return ((await res.json()) as { areas: SavedArea[] }).areas;
}

export async function createArea(fields: AreaFieldsInput): Promise<SavedArea> {
  return (await ok(await client.api.areas.$post({ json: fields }))).json() as Promise<SavedArea>;
}

export async function updateArea(id: number, fields: Partial<AreaFieldsInput>): Promise<SavedArea> {
  const res = await client.api.areas[':id'].$put({ param: { id: String(id) }, json: fields });
  return (await ok(res)).json() as Promise<SavedArea>;
}

export async function deleteArea(id: number): Promise<void> {
  await ok(await client.api.areas[':id'].$delete({ param: { id: String(id) } }));
}

/** What a shape holds on `at`, counted by the server (the reference the panel is checked against). */
export async function fetchAreaStats(
  geometry: unknown,
  at: string,
  init?: RequestInit,
): Promise<AreaStatsAnswer> {
  const res = await client.api.areas.stats.$post({ json: { geometry, at } }, { init });
  return (await ok(res)).json() as Promise<AreaStatsAnswer>;
}

export async function fetchAreaSeries(geometry: unknown, init?: RequestInit): Promise<AreaSeriesAnswer> {
  const res = await client.api.areas.series.$post({ json: { geometry, stepDays: 7 } }, { init });
  return (await ok(res)).json() as Promise<AreaSeriesAnswer>;
}

export async function fetchAreaPremises(
  geometry: unknown,
  at: string,
  page: number,
  pageSize: number,
  init?: RequestInit,
): Promise<AreaPremisePage> {
  const res = await client.api.areas.premises.$post({ json: { geometry, at, page, pageSize } }, { init });
  return (await ok(res)).json() as Promise<AreaPremisePage>;
}

/** The premises inside as the server's CSV (BOM, formulas neutralised). */
export async function fetchAreaPremisesCsv(geometry: unknown, at: string): Promise<Blob> {
  return (await ok(await client.api.areas['premises.csv'].$post({ json: { geometry, at } }))).blob();
}
