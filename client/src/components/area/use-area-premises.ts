import type { Polygonal } from '@domain/areas/point-in-polygon';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { shapePremisesQuery } from '../../queries';
import { useSettled } from '../../use-settled';

export const PREMISE_PAGE_SIZE = 20;

/**
 * One page of the premises inside on the slider date, from the server (it holds the names and
 * addresses). Asked once the slider rests; the previous page stays up while the next one loads.
 */
export function useAreaPremises(geometry: Polygonal, at: string, page: number) {
  const settledAt = useSettled(at, 300);
  const query = useQuery({
    ...shapePremisesQuery(geometry, settledAt, page, PREMISE_PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  return {
    page: query.data ?? null,
    error: query.error ? query.error.message : null,
    loading: query.isPending || query.isPlaceholderData,
  };
}
