import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useCampaignData } from '../campaign-data';
import { acceptanceColors, acceptanceYearOf } from '../lib/acceptance-map';
import type { Rgba } from '../lib/choropleth';
import { acceptanceQuery } from '../queries';
import { useStore } from '../store';
import { useAcceptanceStore } from './acceptance-store';

// The panel loads on first opening: none of it is in the first page load.
const AcceptancePanel = lazy(() => import('./acceptance-panel'));

/** The year the panel shows: the one chosen, else the campaign year of the timeline's date. */
export function useAcceptanceYear(at: string): number {
  const { campaign } = useCampaignData();
  const chosen = useAcceptanceStore((s) => s.year);
  return (
    chosen ??
    acceptanceYearOf(
      at,
      campaign.goals.map((g) => g.year),
    )
  );
}

/** While the acceptance panel is open, the villages' fills by their result for its year; else null. */
export function useAcceptanceColors(at: string): ReadonlyMap<number, Rgba> | null {
  const open = useStore((s) => s.panel === 'acceptance');
  const year = useAcceptanceYear(at);
  const township = useStore((s) => s.township);
  const answer = useQuery({ ...acceptanceQuery(year, township), enabled: open });
  return useMemo(
    () => (open && answer.data ? acceptanceColors(answer.data.villages) : null),
    [open, answer.data],
  );
}

/** Where the acceptance panel appears over the map: ?panel=acceptance. */
export function AcceptanceSlot({ at }: { at: string }) {
  const open = useStore((s) => s.panel === 'acceptance');
  const year = useAcceptanceYear(at);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <AcceptancePanel year={year} />
    </Suspense>
  );
}
