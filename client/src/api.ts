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
