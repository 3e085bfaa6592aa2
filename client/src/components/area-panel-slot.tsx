import { lazy, Suspense } from 'react';
import type { CampaignDay } from '../lib/campaign-days';
import { useDrawStore } from '../map/draw/draw-store';
import { useStore } from '../store';

// The panel (and the code it pulls in) loads when a shape is drawn or ?area= is in the URL.
const AreaPanel = lazy(() => import('./area/area-panel'));

/** Where the key-area panel appears on the map, once there is something for it to show. */
export function AreaPanelSlot({ at, day }: { at: string; day: CampaignDay }) {
  const area = useStore((s) => s.area);
  const hasShape = useDrawStore((s) => s.shape !== null);
  if (area === null && !hasShape) return null;
  return (
    <Suspense fallback={null}>
      <AreaPanel at={at} day={day} />
    </Suspense>
  );
}
