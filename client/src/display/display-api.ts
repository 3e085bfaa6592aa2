import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../../server/src/app';
import { ok } from '../api-errors';

/** The big screen reads /api/display/* and nothing else: every call it makes is here. */
const display = hc<AppType>('/').api.display;

export type DisplayCampaign = InferResponseType<typeof display.campaign.$get, 200>;
export type DisplaySummaryResponse = InferResponseType<typeof display.summary.$get, 200>;
export type DisplayReplayResponse = InferResponseType<typeof display.replay.$get, 200>;
export type DisplayVillages = InferResponseType<typeof display.villages.$get, 200>;
export type DisplayAreas = InferResponseType<typeof display.areas.$get, 200>;
export type DisplayVillageFeature = DisplayVillages['features'][number];
export type DisplayAreaFeature = DisplayAreas['features'][number];

export const DISPLAY_STREAM_PATH = '/api/display/stream';
export const DISPLAY_STYLE_PATH = '/api/display/basemap/style.json';

/**
 * `/display?township=ID`: one township of the district on the screen (its villages, numbers and
 * map); without it the whole record. Read once from the screen's URL, sent with every call.
 */
const shown: { township?: string } = (() => {
  const id = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('township');
  return id && /^[1-9]\d*$/.test(id) ? { township: id } : {};
})();

async function json<T>(res: Response): Promise<T> {
  return (await (await ok(res)).json()) as T;
}

export const fetchDisplayCampaign = (signal?: AbortSignal) =>
  display.campaign.$get({ query: shown }, { init: { signal } }).then((r) => json<DisplayCampaign>(r));

export const fetchDisplayVillages = (signal?: AbortSignal) =>
  display.villages.$get({ query: shown }, { init: { signal } }).then((r) => json<DisplayVillages>(r));

export const fetchDisplayAreas = (signal?: AbortSignal) =>
  display.areas.$get(undefined, { init: { signal } }).then((r) => json<DisplayAreas>(r));

export const fetchDisplaySummary = (signal?: AbortSignal) =>
  display.summary.$get({ query: shown }, { init: { signal } }).then((r) => json<DisplaySummaryResponse>(r));

export const fetchDisplayReplay = (signal?: AbortSignal) =>
  display.replay.$get({ query: shown }, { init: { signal } }).then((r) => json<DisplayReplayResponse>(r));
