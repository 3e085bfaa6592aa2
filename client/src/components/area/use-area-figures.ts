import { area as turfArea } from '@turf/turf';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MU_PER_KM2 } from '../../../../server/src/domain/areas/area-stats';
import type { Polygonal } from '../../../../server/src/domain/areas/point-in-polygon';
import { type AreaStatsAnswer, fetchAreaSeries, fetchAreaStats } from '../../api';
import { useCampaignData } from '../../campaign-data';
import {
  type AreaTally,
  type AreaTrend,
  areaDailyOn,
  areaTallyAt,
  areaTrend,
  buildAreaDaily,
} from '../../lib/area-daily';
import { type CampaignDay, campaignDayOf } from '../../lib/campaign-days';
import { countsAgree } from '../../lib/counts-agree';
import { useSettled } from '../../use-settled';
import { useShapeMembership } from '../../use-shape-membership';

export interface AreaFigures {
  counts: AreaTally;
  areaKm2: number;
  areaMu: number;
  densityPerKm2: number;
  unlicensedPerKm2: number;
  villagesTouched: { id: number; name: string }[] | null;
  trend: AreaTrend | null;
  /** checking: the server's answer for this shape (and, if it counts, this date) is not in yet. */
  state: 'checking' | 'ready' | 'error';
  /** client: counted here from the layer (and checked against the server); server: the server's counts. */
  source: 'client' | 'server';
  error: string | null;
  /** Said when the server had to mend the shape (touching parts dissolved into one). */
  repaired: { message: string; messageZh: string } | null;
}

type Check = { geometry: Polygonal } & ({ answer: AreaStatsAnswer; agrees: boolean } | { error: string });

const perKm2 = (n: number, km2: number) => (km2 > 0 ? n / km2 : 0);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * What a shape holds on the slider date. The premises inside are found once per shape, on the
 * client, with the server's own exact test (the few within float32 rounding of an edge settled from
 * their exact positions); a day table then gives every slider step in O(1), without asking the
 * server. When the shape changes, the server is asked once (for the land, the villages touched, and
 * to check the counts). If the check disagrees (e.g. the data changed since the page loaded) or the
 * membership could not be settled, the server's counts are shown instead, asked for once the slider
 * rests.
 */
export function useAreaFigures(geometry: Polygonal, at: string, day: CampaignDay): AreaFigures {
  const data = useCampaignData();
  const { membership, pending } = useShapeMembership(geometry);
  const daily = useMemo(
    () => buildAreaDaily(data.premises, membership.inside, data.lastDay),
    [data, membership],
  );
  const countOn = (d: CampaignDay) =>
    areaDailyOn(daily, d) ?? areaTallyAt(data.premises, membership.inside, d);
  const latest = useRef({ at, countOn });
  latest.current = { at, countOn };

  const [check, setCheck] = useState<Check | null>(null);
  useEffect(() => {
    if (pending) return; // check the settled membership, not the first guess
    const abort = new AbortController();
    fetchAreaStats(geometry, latest.current.at, { signal: abort.signal }).then(
      (answer) => {
        const mine = latest.current.countOn(campaignDayOf(answer.at, data.startDay) ?? 0);
        setCheck({ geometry, answer, agrees: countsAgree(mine, answer) });
      },
      (e) => abort.signal.aborted || setCheck({ geometry, error: messageOf(e) }),
    );
    return () => abort.abort();
  }, [geometry, data, pending]);
  const current = check?.geometry === geometry ? check : null;
  const failed = current && 'error' in current ? current.error : null;
  const answer = current && 'answer' in current ? current.answer : null;
  const trusted =
    pending || (membership.uncertain.length === 0 && (!current || ('agrees' in current && current.agrees)));

  // Only when the client cannot be trusted: the server's counts once the slider rests, and its series.
  const settledAt = useSettled(at, 250);
  const [served, setServed] = useState<{ geometry: Polygonal; answer: AreaStatsAnswer } | null>(null);
  useEffect(() => {
    if (trusted) return;
    const abort = new AbortController();
    fetchAreaStats(geometry, settledAt, { signal: abort.signal }).then(
      (a) => setServed({ geometry, answer: a }),
      () => undefined,
    );
    return () => abort.abort();
  }, [trusted, geometry, settledAt]);
  const [serverTrend, setServerTrend] = useState<{ geometry: Polygonal; trend: AreaTrend } | null>(null);
  useEffect(() => {
    if (trusted) return;
    const abort = new AbortController();
    fetchAreaSeries(geometry, { signal: abort.signal }).then(
      (s) =>
        setServerTrend({
          geometry,
          trend: {
            days: s.days.map((d) => campaignDayOf(d, data.startDay) ?? 0),
            unlicensed: s.unlicensed,
            progress: s.progress,
          },
        }),
      () => undefined,
    );
    return () => abort.abort();
  }, [trusted, geometry, data]);

  const clientCounts = countOn(day);
  const clientTrend = useMemo(() => areaTrend(daily), [daily]);
  const fromServer = [served?.geometry === geometry ? served.answer : null, answer].find((a) => a?.at === at);
  const counts = trusted ? clientCounts : (fromServer ?? clientCounts);
  const areaKm2 = answer?.areaKm2 ?? turfArea(geometry) / 1e6;
  return {
    counts,
    areaKm2,
    areaMu: answer?.areaMu ?? areaKm2 * MU_PER_KM2,
    densityPerKm2: perKm2(counts.surveyed, areaKm2),
    unlicensedPerKm2: perKm2(counts.unlicensed, areaKm2),
    villagesTouched: answer?.villagesTouched ?? null,
    trend: trusted ? clientTrend : serverTrend?.geometry === geometry ? serverTrend.trend : null,
    state: failed ? 'error' : !answer || (!trusted && !fromServer) ? 'checking' : 'ready',
    source: trusted ? 'client' : 'server',
    error: failed,
    repaired: answer && 'repaired' in answer && answer.repaired ? answer.repaired : null,
  };
}
