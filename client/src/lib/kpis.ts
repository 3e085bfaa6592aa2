import type { Tally } from '@domain/tally';

/** KPI keys in display order (test ids are kpi-<key>). */
export const KPI_KEYS = [
  'surveyed',
  'unlicensed',
  'pending',
  'rectifying',
  'compliant',
  'model',
  'closed',
  'progress',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** The raw number of a KPI; `closed` counts closed and converted premises together (关停转化). */
export function kpiValue(t: Tally, key: KpiKey): number {
  switch (key) {
    case 'surveyed':
      return t.surveyed;
    case 'unlicensed':
      return t.unlicensed;
    case 'progress':
      return t.progress;
    case 'closed':
      return t.byStatus.closed + t.byStatus.converted;
    default:
      return t.byStatus[key];
  }
}
