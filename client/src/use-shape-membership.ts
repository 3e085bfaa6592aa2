import type { Polygonal } from '@domain/areas/point-in-polygon';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useCampaignData } from './campaign-data';
import { exactPositions, MAX_EXACT_LOOKUPS } from './exact-positions';
import { premisesInShape, type ShapeMembership, settleMembership } from './lib/premises-in-shape';

/**
 * The premises inside a shape: found on the client from the layer's float32 positions, then, for
 * the few within rounding of an edge, settled from their exact positions. `pending` while those
 * are fetched; `uncertain` left non-empty only when there were too many to fetch.
 */
export function useShapeMembership(geometry: Polygonal): { membership: ShapeMembership; pending: boolean } {
  const data = useCampaignData();
  const qc = useQueryClient();
  const raw = useMemo(() => premisesInShape(data.premises, geometry), [data, geometry]);
  const [settled, setSettled] = useState<{ raw: ShapeMembership; membership: ShapeMembership } | null>(null);
  const settleable = raw.uncertain.length > 0 && raw.uncertain.length <= MAX_EXACT_LOOKUPS;
  useEffect(() => {
    if (!settleable) return;
    let live = true;
    exactPositions(qc, data.premises, raw.uncertain).then(
      (exact) => live && setSettled({ raw, membership: settleMembership(raw, geometry, exact) }),
      // Unsettled, the premises stay uncertain and the server's counts are used.
      () => live && setSettled({ raw, membership: raw }),
    );
    return () => {
      live = false;
    };
  }, [qc, data, raw, geometry, settleable]);
  const done = settled?.raw === raw ? settled.membership : null;
  return { membership: done ?? raw, pending: settleable && !done };
}
