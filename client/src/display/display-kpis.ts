import { doneCount } from '@domain/progress';
import type { GroupTally } from '@domain/tally';

export const KPI_KEYS = ['surveyed', 'progress', 'done', 'unlicensed', 'model', 'remaining'] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export interface Kpi {
  key: KpiKey;
  /** The raw number: a count, or a 0–1 fraction for progress. */
  value: number;
  kind: 'count' | 'fraction';
  /** Which way is good news, for the colour. */
  tone: 'neutral' | 'good' | 'bad';
}

/** The headline numbers of a group, in the order the board shows them. */
export function kpisOf(g: GroupTally): Kpi[] {
  const s = g.byStatus;
  const done = doneCount(s);
  return [
    { key: 'surveyed', value: g.surveyed, kind: 'count', tone: 'neutral' },
    { key: 'progress', value: g.progress, kind: 'fraction', tone: 'good' },
    { key: 'done', value: done, kind: 'count', tone: 'good' },
    { key: 'unlicensed', value: g.unlicensed, kind: 'count', tone: 'bad' },
    { key: 'model', value: s.model, kind: 'count', tone: 'good' },
    { key: 'remaining', value: s.pending + s.rectifying, kind: 'count', tone: 'bad' },
  ];
}

/** How a KPI reads: counts with thousands separators, fractions as a percentage with one decimal. */
export function formatKpi(value: number, kind: Kpi['kind']): string {
  if (kind === 'fraction') return `${(value * 100).toFixed(1)}`;
  return Math.round(value).toLocaleString('en-US');
}
