import { queryOptions } from '@tanstack/react-query';
import { fetchStandards } from '../api';
import { premiseQuery } from '../queries';

/** How long a file or checklist read on the phone stays in memory unused: a morning's round, offline. */
export const KEPT_FOR_THE_ROUND_MS = 4 * 3_600_000;

/** Every trade's current checklist; the admin rarely changes them, so read once per page. */
export const standardsQuery = queryOptions({
  queryKey: ['standards'],
  queryFn: ({ signal }) => fetchStandards({ signal }),
  gcTime: KEPT_FOR_THE_ROUND_MS,
});

/** A premise's file, kept on the phone for the round (asked again whenever it is opened online). */
export const fieldPremiseQuery = (id: number) => ({ ...premiseQuery(id), gcTime: KEPT_FOR_THE_ROUND_MS });
