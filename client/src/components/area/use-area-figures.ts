import { MU_PER_KM2 } from '@domain/areas/area-stats';
import type { Polygonal } from '@domain/areas/point-in-polygon';
import { useQuery } from '@tanstack/react-query';
import { area as turfArea } from '@turf/turf';
import { useMemo, useState } from 'react';
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
import { shapeSeriesQuery, shapeStatsQuery } from '../../queries';
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

  // The check is asked on the date the shape was drawn on (or opened on), not again per slider step.
  const [asked, setAsked] = useState({ geometry, at });
  if (asked.geometry !== geometry) setAsked({ geometry, at });
  const checkAt = asked.geometry === geometry ? asked.at : at;
  // Checked once the membership is settled, not its first guess.
  const check = useQuery({ ...shapeStatsQuery(geometry, checkAt), enabled: !pending });
  const answer = check.data ?? null;
  const failed = check.error && !answer ? messageOf(check.error) : null;
  const agrees = answer ? countsAgree(countOn(campaignDayOf(answer.at, data.startDay) ?? 0), answer) : false;
  const trusted = pending || (membership.uncertain.length === 0 && (check.isPending || agrees));

  // Only when the client cannot be trusted: the server's counts once the slider rests, and its series.
  const settledAt = useSettled(at, 250);
  const served = useQuery({ ...shapeStatsQuery(geometry, settledAt), enabled: !trusted });
  const series = useQuery({ ...shapeSeriesQuery(geometry), enabled: !trusted });
  const serverTrend = useMemo<AreaTrend | null>(
    () =>
      series.data
        ? {
            days: series.data.days.map((d) => campaignDayOf(d, data.startDay) ?? 0),
            unlicensed: series.data.unlicensed,
            progress: series.data.progress,
          }
        : null,
    [series.data, data.startDay],
  );

  const clientCounts = countOn(day);
  const clientTrend = useMemo(() => areaTrend(daily), [daily]);
  const fromServer = [served.data, answer].find((a) => a?.at === at);
  const counts = trusted ? clientCounts : (fromServer ?? clientCounts);
  const areaKm2 = answer?.areaKm2 ?? turfArea(geometry) / 1e6;
  return {
    counts,
    areaKm2,
    areaMu: answer?.areaMu ?? areaKm2 * MU_PER_KM2,
    densityPerKm2: perKm2(counts.surveyed, areaKm2),
    unlicensedPerKm2: perKm2(counts.unlicensed, areaKm2),
    villagesTouched: answer?.villagesTouched ?? null,
    trend: trusted ? clientTrend : serverTrend,
    state: failed ? 'error' : !answer || (!trusted && !fromServer) ? 'checking' : 'ready',
    source: trusted ? 'client' : 'server',
    error: failed,
    repaired: answer && 'repaired' in answer && answer.repaired ? answer.repaired : null,
  };
}
