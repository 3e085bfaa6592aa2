import type { Polygonal } from '@domain/areas/point-in-polygon';
import { queryOptions } from '@tanstack/react-query';
import {
  type AuditQuery,
  fetchAcceptance,
  fetchAccountability,
  fetchAreaPremises,
  fetchAreaSeries,
  fetchAreaStats,
  fetchAreas,
  fetchCampaign,
  fetchDraw,
  fetchDraws,
  fetchMyTasks,
  fetchPremise,
  fetchPremisesLayer,
  fetchPremisesLayerInfo,
  fetchReviews,
  fetchScorecard,
  fetchSeries,
  fetchSetup,
  fetchStandards,
  fetchStats,
  fetchTasks,
  fetchVillages,
  fetchWorklist,
  listImports,
  listTokens,
  listUsers,
  type StatsFilter,
  searchAudit,
  type TasksQuery,
  type WorklistKey,
  type WorklistQuery,
} from './api';

/**
 * Every query key of the page, in one place. A key is a path: invalidating a prefix (`premises`,
 * `areas`, `shapes`) invalidates every key under it. writes.ts says which writes invalidate which.
 */
export const queryKeys = {
  campaign: ['campaign'],
  villages: ['villages'],
  premisesLayer: ['premises-layer'],
  /** How big the layer is: whether the page takes it whole (under the same prefix: a write refreshes it). */
  premisesLayerInfo: ['premises-layer', 'info'],
  premises: ['premise'],
  premise: (id: number) => ['premise', id],
  /** Saved key areas; their headline numbers count on `at`, null for the campaign's last day. */
  areas: ['areas'],
  areasAt: (at: string | null) => ['areas', at],
  setup: ['setup'],
  /** The district's townships ranked, and a township's own counts and series (district-api.ts). */
  townships: ['townships'],
  townshipStats: ['township-stats'],
  townshipSeries: ['township-series'],
  series: ['series'],
  /** The server's counts on a day: the first numbers, shown before the premises layer has arrived. */
  stats: ['stats'],
  statsOn: (at: string, filter: StatsFilter) => ['stats', at, filter],
  seriesFor: (filter: StatsFilter) => ['series', filter],
  /** What the server counts inside any shape (drawn or saved), by its geometry. */
  shapes: ['shape'],
  shapeStats: (geometry: Polygonal, at: string) => ['shape', 'stats', geometry, at],
  shapeSeries: (geometry: Polygonal) => ['shape', 'series', geometry],
  shapePremises: (geometry: Polygonal, at: string, page: number, pageSize: number) => [
    'shape',
    'premises',
    geometry,
    at,
    page,
    pageSize,
  ],
  imports: ['imports'],
  reviews: ['reviews'],
  users: ['users'],
  tokens: ['tokens'],
  audit: (query: AuditQuery) => ['audit', query],
  /** The work lists (工作清单), by list and filters; every premise write invalidates them all. */
  worklists: ['worklists'],
  worklist: (key: WorklistKey, query: WorklistQuery) => ['worklists', key, query],
  /** Tasks: the dispatcher's lists and the account's own (`['tasks', 'mine']`). */
  tasks: ['tasks'],
  taskList: (query: TasksQuery) => ['tasks', 'list', query],
  myTasks: ['tasks', 'mine'],
  /** Random draws (双随机), the list and each draw. */
  draws: ['draws'],
  draw: (id: number) => ['draws', id],
  /** Every trade's current checklist (生产经营规范和服务标准). */
  standards: ['standards'],
  /** 年度验收 by year, each village's scorecard, and the 问责 list; premise writes change them too. */
  acceptance: ['acceptance'],
  /** A year's results: of every village the account sees, or of one township of the district. */
  acceptanceYear: (year: number, township: number | null) => ['acceptance', 'year', year, township],
  scorecard: (year: number, villageId: number) => ['acceptance', 'scorecard', year, villageId],
  accountability: (year: number, days: number, township: number | null) => [
    'acceptance',
    'accountability',
    year,
    days,
    township,
  ],
} as const;

/** Lists the office works through while others write too: asked again whenever they are shown. */
const SHOWN_FRESH = { staleTime: 0 } as const;

export const campaignQuery = queryOptions({
  queryKey: queryKeys.campaign,
  queryFn: ({ signal }) => fetchCampaign({ signal }),
});

export const villagesQuery = queryOptions({
  queryKey: queryKeys.villages,
  queryFn: ({ signal }) => fetchVillages({ signal }),
});

export const premisesLayerQuery = queryOptions({
  queryKey: queryKeys.premisesLayer,
  queryFn: ({ signal }) => fetchPremisesLayer({ signal }),
});

export const premisesLayerInfoQuery = queryOptions({
  queryKey: queryKeys.premisesLayerInfo,
  queryFn: ({ signal }) => fetchPremisesLayerInfo({ signal }),
});

/** A premise's file. Asked again each time it is opened: records are added from the field too. */
export const premiseQuery = (id: number) =>
  queryOptions({
    queryKey: queryKeys.premise(id),
    queryFn: ({ signal }) => fetchPremise(id, null, { signal }),
    ...SHOWN_FRESH,
  });

export const areasQuery = (at: string | null) =>
  queryOptions({
    queryKey: queryKeys.areasAt(at),
    queryFn: ({ signal }) => fetchAreas({ signal }, at ?? undefined),
  });

export const setupQuery = queryOptions({
  queryKey: queryKeys.setup,
  queryFn: ({ signal }) => fetchSetup({ signal }),
});

export const seriesQuery = (filter: StatsFilter) =>
  queryOptions({
    queryKey: queryKeys.seriesFor(filter),
    queryFn: ({ signal }) => fetchSeries(filter, { signal }),
  });

export const statsQuery = (at: string, filter: StatsFilter) =>
  queryOptions({
    queryKey: queryKeys.statsOn(at, filter),
    queryFn: ({ signal }) => fetchStats(at, filter, { signal }),
  });

export const shapeStatsQuery = (geometry: Polygonal, at: string) =>
  queryOptions({
    queryKey: queryKeys.shapeStats(geometry, at),
    queryFn: ({ signal }) => fetchAreaStats(geometry, at, { signal }),
  });

export const shapeSeriesQuery = (geometry: Polygonal) =>
  queryOptions({
    queryKey: queryKeys.shapeSeries(geometry),
    queryFn: ({ signal }) => fetchAreaSeries(geometry, { signal }),
  });

export const shapePremisesQuery = (geometry: Polygonal, at: string, page: number, pageSize: number) =>
  queryOptions({
    queryKey: queryKeys.shapePremises(geometry, at, page, pageSize),
    queryFn: ({ signal }) => fetchAreaPremises(geometry, at, page, pageSize, { signal }),
  });

export const importsQuery = queryOptions({
  queryKey: queryKeys.imports,
  queryFn: () => listImports(),
  ...SHOWN_FRESH,
});

export const reviewsQuery = queryOptions({
  queryKey: queryKeys.reviews,
  queryFn: () => fetchReviews(),
  ...SHOWN_FRESH,
});

export const usersQuery = queryOptions({
  queryKey: queryKeys.users,
  queryFn: () => listUsers(),
  ...SHOWN_FRESH,
});

export const tokensQuery = queryOptions({
  queryKey: queryKeys.tokens,
  queryFn: () => listTokens(),
  ...SHOWN_FRESH,
});

export const auditQuery = (query: AuditQuery) =>
  queryOptions({ queryKey: queryKeys.audit(query), queryFn: () => searchAudit(query), ...SHOWN_FRESH });

// ——— The office's daily work: work lists, tasks, random draws ———

export const worklistQuery = (key: WorklistKey, query: WorklistQuery) =>
  queryOptions({
    queryKey: queryKeys.worklist(key, query),
    queryFn: ({ signal }) => fetchWorklist(key, query, { signal }),
    ...SHOWN_FRESH,
  });

export const taskListQuery = (query: TasksQuery) =>
  queryOptions({
    queryKey: queryKeys.taskList(query),
    queryFn: ({ signal }) => fetchTasks(query, { signal }),
    ...SHOWN_FRESH,
  });

/** The signed-in account's own tasks (given to them, their department or their villages). */
export const myTasksQuery = queryOptions({
  queryKey: queryKeys.myTasks,
  queryFn: ({ signal }) => fetchMyTasks({ signal }),
  ...SHOWN_FRESH,
});

export const drawsQuery = queryOptions({
  queryKey: queryKeys.draws,
  queryFn: ({ signal }) => fetchDraws({ signal }),
  ...SHOWN_FRESH,
});

export const drawQuery = (id: number) =>
  queryOptions({ queryKey: queryKeys.draw(id), queryFn: ({ signal }) => fetchDraw(id, { signal }) });

/** The checklists change only when the admin writes a new version: kept for a few minutes. */
export const standardsQuery = queryOptions({
  queryKey: queryKeys.standards,
  queryFn: ({ signal }) => fetchStandards({ signal }),
  staleTime: 5 * 60_000,
});

export const acceptanceQuery = (year: number, township: number | null) =>
  queryOptions({
    queryKey: queryKeys.acceptanceYear(year, township),
    queryFn: ({ signal }) => fetchAcceptance(year, township, { signal }),
    ...SHOWN_FRESH,
  });

export const scorecardQuery = (year: number, villageId: number) =>
  queryOptions({
    queryKey: queryKeys.scorecard(year, villageId),
    queryFn: ({ signal }) => fetchScorecard(year, villageId, { signal }),
    ...SHOWN_FRESH,
  });

export const accountabilityQuery = (year: number, days: number, township: number | null) =>
  queryOptions({
    queryKey: queryKeys.accountability(year, days, township),
    queryFn: ({ signal }) => fetchAccountability({ year, days, township }, { signal }),
    ...SHOWN_FRESH,
  });
