import { CATEGORY_CODES } from '@domain/categories';
import { STATUS_KEYS } from '@domain/statuses';
import type { Tally } from '@domain/tally';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import type { CampaignData } from './campaign-data';
import { type CampaignDay, campaignDayOf } from './lib/campaign-days';
import { metricBreaks, metricColor, metricValue, type Rgba } from './lib/choropleth';
import { buildDailyTally, type DailyTally, dailyTallyOn } from './lib/daily-tally';
import type { PremiseFilter } from './lib/premise-filter';
import {
  MODEL_STATUS,
  pointColumns,
  rowsWithStatus,
  selectIntervals,
  unlicensedPositionsAt,
} from './lib/premise-selection';
import { tallyAt } from './lib/tally-at';
import { statsQuery } from './queries';
import { useStore } from './store';
import { useSettled } from './use-settled';

/** The slider date: the URL's ?at= or the campaign's default, as a date and as a campaign day. */
export function useDay(data: CampaignData): { at: string; day: CampaignDay } {
  const at = useStore((s) => s.at) ?? data.defaultAt;
  return { at, day: campaignDayOf(at, data.startDay) ?? data.lastDay };
}

/** The store's filters in the compact numeric form the typed arrays use. */
export function usePremiseFilter(): PremiseFilter {
  const categories = useStore((s) => s.categories);
  const village = useStore((s) => s.village);
  const statuses = useStore((s) => s.statuses);
  return useMemo(
    () => ({
      categories: categories
        ? categories.map((c) => CATEGORY_CODES.indexOf(c as (typeof CATEGORY_CODES)[number]))
        : null,
      village,
      statuses: statuses ? statuses.map((s) => STATUS_KEYS.indexOf(s as (typeof STATUS_KEYS)[number])) : null,
    }),
    [categories, village, statuses],
  );
}

/** Everything that depends on the filters but not on the date: rebuilt when a filter changes, never per tick. */
export function useSelection(data: CampaignData, filter: PremiseFilter) {
  // Drilled into a township of the district: the map draws its premises (points, model rings,
  // heatmap) alone; its figures come from the server.
  const township = useStore((s) => s.township);
  const townshipVillages = useMemo(
    () =>
      township === null
        ? null
        : new Set(
            data.villages.features
              .filter((f) => f.properties.townshipId === township)
              .map((f) => f.properties.id),
          ),
    [data, township],
  );
  const selection = useMemo(() => {
    const rows = selectIntervals(data.premises, filter, townshipVillages);
    return {
      rows,
      points: pointColumns(data.premises, rows),
      modelPoints: pointColumns(data.premises, rowsWithStatus(data.premises, rows, MODEL_STATUS)),
    };
  }, [data, filter, townshipVillages]);
  // The status filter only changes what the map shows, not the counts: key the table on the rest.
  const { categories, village } = filter;
  const dailyAllVillages = useMemo(
    () => buildDailyTally(data.premises, { categories, village: null, statuses: null }, data.lastDay),
    [data, categories],
  );
  const daily = useMemo(
    () =>
      village === null
        ? dailyAllVillages
        : buildDailyTally(data.premises, { categories, village, statuses: null }, data.lastDay),
    [data, categories, village, dailyAllVillages],
  );
  return { ...selection, daily, dailyAllVillages };
}

const NO_POSITIONS = new Float32Array(0);

/**
 * The server's counts on the slider date while the premises layer is not on the page (numbers
 * first): the filtered tally and, with a village filter, the tally of every village for the
 * ranking (several categories count as their union). Null while they load. `settled`: the first
 * numbers are in or failed — the app starts the premises layer then, so its download does not hold
 * them up.
 */
export function useServerTally(data: CampaignData | null): {
  tally: Tally | null;
  villageTally: Tally | null;
  settled: boolean;
} {
  const at = useStore((s) => s.at) ?? data?.defaultAt ?? '';
  // Asked once the slider rests (a big record shows these for good: never a request per tick); the
  // first date is asked at once, and the numbers on hand stay up while the next ones load.
  const settledAt = useSettled(at, 250);
  const askAt = settledAt === '' ? at : settledAt;
  const categories = useStore((s) => s.categories);
  const village = useStore((s) => s.village);
  const waiting = data !== null && !data.premisesReady;
  const filtered = useQuery({
    ...statsQuery(askAt, { village, categories }),
    enabled: waiting,
    placeholderData: keepPreviousData,
  });
  const everyVillage = useQuery({
    ...statsQuery(askAt, { village: null, categories }),
    enabled: waiting && village !== null,
    placeholderData: keepPreviousData,
  });
  const settled = data !== null && (filtered.isFetched || filtered.isError);
  if (!waiting) return { tally: null, villageTally: null, settled };
  const tally = filtered.data ?? null;
  return { tally, villageTally: village === null ? tally : (everyVillage.data ?? null), settled };
}

/**
 * Everything that depends on the date, once per date change: the counts in O(villages +
 * categories) from the daily table; the heatmap positions in O(intervals) over typed arrays,
 * only while the heatmap is on.
 */
export function useDayFigures(
  data: CampaignData,
  day: CampaignDay,
  filter: PremiseFilter,
  rows: Uint32Array,
  daily: DailyTally,
  dailyAllVillages: DailyTally,
) {
  const choropleth = useStore((s) => s.choropleth);
  const heatmapOn = useStore((s) => s.layers.includes('heatmap'));
  // Inside the campaign a day is read from the daily table; outside it, counted from the intervals.
  const layerTally = useMemo(
    () => (data.premisesReady ? (dailyTallyOn(daily, day) ?? tallyAt(data.premises, day, filter)) : null),
    [data, day, filter, daily],
  );
  // The ranking and the choropleth compare villages, so they ignore the village filter.
  const layerVillageTally = useMemo(
    () =>
      !data.premisesReady || daily === dailyAllVillages
        ? layerTally
        : (dailyTallyOn(dailyAllVillages, day) ?? tallyAt(data.premises, day, { ...filter, village: null })),
    [data, day, filter, daily, dailyAllVillages, layerTally],
  );
  // Until the layer is on the page, the server's counts (null while they load: no number is shown).
  const served = useServerTally(data);
  const tally = layerTally ?? served.tally;
  const villageTally = layerVillageTally ?? served.villageTally;
  const heatPositions = useMemo(
    () => (heatmapOn ? unlicensedPositionsAt(data.premises, rows, day) : NO_POSITIONS),
    [data, rows, day, heatmapOn],
  );
  const breaks = useMemo(() => metricBreaks(choropleth, data.ceilings[choropleth]), [choropleth, data]);
  // Keep the same Map while no village changes class, so the choropleth recolours only then.
  const shownColors = useRef<Map<number, Rgba>>(new Map());
  // Density and unlicensed are classed against ceilings of the record (the layer's, or the server's
  // for a big record): none before they are known.
  const classed = villageTally !== null && (data.ceilingsKnown || choropleth === 'progress');
  const villageColors = useMemo(() => {
    const colors = new Map<number, Rgba>();
    let changed = shownColors.current.size !== (classed ? data.villages.features.length : 0);
    for (const f of classed ? data.villages.features : []) {
      const { id, areaKm2 } = f.properties;
      const value = metricValue(choropleth, villageTally?.byVillage[String(id)], areaKm2);
      const color = metricColor(choropleth, value, breaks);
      if (shownColors.current.get(id) !== color) changed = true;
      colors.set(id, color);
    }
    if (changed) shownColors.current = colors;
    return shownColors.current;
  }, [data, villageTally, choropleth, breaks, classed]);
  return { tally, villageTally, heatPositions, villageColors, breaks };
}
