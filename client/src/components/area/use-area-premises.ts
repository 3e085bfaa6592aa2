import { useEffect, useState } from 'react';
import type { Polygonal } from '../../../../server/src/domain/areas/point-in-polygon';
import { type AreaPremisePage, fetchAreaPremises } from '../../api';
import { useSettled } from '../../use-settled';

export const PREMISE_PAGE_SIZE = 20;

/**
 * One page of the premises inside on the slider date, from the server (it holds the names and
 * addresses). Asked once the slider rests; a newer question cancels an older one.
 */
export function useAreaPremises(geometry: Polygonal, at: string, page: number) {
  const settledAt = useSettled(at, 300);
  const [result, setResult] = useState<{ key: unknown[]; page?: AreaPremisePage; error?: string } | null>(
    null,
  );
  useEffect(() => {
    const key = [geometry, settledAt, page];
    const abort = new AbortController();
    fetchAreaPremises(geometry, settledAt, page, PREMISE_PAGE_SIZE, { signal: abort.signal }).then(
      (p) => setResult({ key, page: p }),
      (e) => abort.signal.aborted || setResult({ key, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => abort.abort();
  }, [geometry, settledAt, page]);
  const current = result?.key[0] === geometry && result.key[1] === settledAt && result.key[2] === page;
  // Keep showing the previous page while the next one loads.
  return { page: result?.page ?? null, error: result?.error ?? null, loading: !current };
}
