import type { Tally } from '@domain/tally';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../../server/src/app';
import { ok } from '../api-errors';
import { queryKeys } from '../queries';

/** Typed calls to our own server, by path: the page never talks to another host. */
const client = hc<AppType>('/');

export type DistrictTownships = InferResponseType<typeof client.api.townships.$get, 200>;
export type RankedTownship = DistrictTownships['townships'][number];

/** The district's townships ranked on `at` (as far as the account sees into them). */
export const townshipsQuery = (at: string) =>
  queryOptions({
    queryKey: [...queryKeys.townships, at],
    queryFn: async ({ signal }): Promise<DistrictTownships> =>
      (await ok(await client.api.townships.$get({ query: { at } }, { init: { signal } }))).json(),
    // Scrubbing the timeline keeps the last ranking on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });

/** The district's townships (names and codes: for forms), or [] while they load. */
export function useTownshipList(): RankedTownship[] {
  // The ranking needs a date; a form needs only who is there, so any date will do: today.
  return useQuery(townshipsQuery(new Date().toISOString().slice(0, 10))).data?.townships ?? [];
}

/** What a township's figures are of: one village or all, some categories or all (null). */
export interface TownshipFilter {
  village: number | null;
  categories: readonly string[] | null;
}

/** The filter as /api/stats and its series take it, beside `township`. */
function filterQuery(township: number, filter: TownshipFilter) {
  return {
    township: String(township),
    ...(filter.village !== null ? { village: String(filter.village) } : {}),
    ...(filter.categories !== null ? { categories: filter.categories.join(',') } : {}),
  };
}

/** One township's counts on `at`, optionally of one village and some categories: /api/stats?township=. */
export const townshipStatsQuery = (at: string, township: number, filter: TownshipFilter) =>
  queryOptions({
    queryKey: [...queryKeys.townshipStats, at, township, filter.village, filter.categories],
    queryFn: async ({ signal }): Promise<Tally> => {
      const query = { at, ...filterQuery(township, filter) };
      const res = await ok(await client.api.stats.$get({ query }, { init: { signal } }));
      return (await res.json()) as unknown as Tally;
    },
    placeholderData: keepPreviousData,
  });

export type TownshipSeries = InferResponseType<typeof client.api.stats.series.$get, 200>;

/** One township's weekly series (the timeline's chart while drilled in): /api/stats/series?township=. */
export const townshipSeriesQuery = (township: number, filter: TownshipFilter) =>
  queryOptions({
    queryKey: [...queryKeys.townshipSeries, township, filter.village, filter.categories],
    queryFn: async ({ signal }): Promise<TownshipSeries> => {
      const query = filterQuery(township, filter);
      return (await ok(await client.api.stats.series.$get({ query }, { init: { signal } }))).json();
    },
  });
