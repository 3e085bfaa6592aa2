import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { SavedArea } from '../api';
import { useCampaignData } from '../campaign-data';
import { exactPositions, MAX_EXACT_LOOKUPS } from '../exact-positions';
import { areaDailyOn, areaTallyAt, buildAreaDaily } from '../lib/area-daily';
import type { CampaignDay } from '../lib/campaign-days';
import { premisesInShape, type ShapeMembership, settleMembership } from '../lib/premises-in-shape';
import { areasQuery } from '../queries';
import { useSettled } from '../use-settled';

export interface AreaHeadline {
  surveyed: number;
  unlicensed: number;
  progress: number;
}

type Memberships = ShapeMembership[];

/**
 * Each saved area's headline on the slider date, counted on the client from a small day table per
 * area (O(1) per slider step), as the panel counts (see useAreaFigures). An area whose boundary
 * premises could not be settled takes the server's numbers, fetched once the slider rests.
 */
export function useAreaHeadlines(areas: readonly SavedArea[], day: CampaignDay, at: string) {
  const data = useCampaignData();
  const qc = useQueryClient();
  const raw = useMemo(() => areas.map((a) => premisesInShape(data.premises, a.geometry)), [areas, data]);
  const [settled, setSettled] = useState<{ raw: Memberships; memberships: Memberships } | null>(null);
  useEffect(() => {
    const rows = raw.flatMap((m) => [...m.uncertain]);
    if (rows.length === 0 || rows.length > MAX_EXACT_LOOKUPS * 4) return;
    let live = true;
    exactPositions(qc, data.premises, rows).then(
      (exact) =>
        live &&
        setSettled({ raw, memberships: raw.map((m, i) => settleMembership(m, areas[i].geometry, exact)) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [qc, raw, areas, data]);
  const memberships = settled?.raw === raw ? settled.memberships : raw;
  const tables = useMemo(
    () =>
      new Map(
        areas.map((a, i) => {
          const m = memberships[i];
          return [a.id, { ...m, daily: buildAreaDaily(data.premises, m.inside, data.lastDay, false) }];
        }),
      ),
    [areas, memberships, data],
  );

  const anyUncertain = memberships.some((m) => m.uncertain.length > 0);
  const settledAt = useSettled(at, 300);
  // Without the premises layer on the page (still loading) every headline is the server's.
  const layerless = !data.premisesReady;
  const served = useQuery({ ...areasQuery(settledAt), enabled: anyUncertain || layerless });
  const serverById = useMemo(() => new Map(served.data?.map((a) => [a.id, a.headline])), [served.data]);

  return (id: number): AreaHeadline | null => {
    const table = tables.get(id);
    if (!table) return null;
    if (layerless) return (settledAt === at && serverById.get(id)) || null;
    if (table.uncertain.length > 0 && served.data && settledAt === at) return serverById.get(id) ?? null;
    return areaDailyOn(table.daily, day) ?? areaTallyAt(data.premises, table.inside, day);
  };
}
