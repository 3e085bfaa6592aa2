import type { LegendEntry, Rgb } from './report-model';

/** Classes of 整治完成率 for the township map, from lagging (red) to done (green). */
const PROGRESS_CLASSES: readonly { from: number; label: string; color: Rgb }[] = [
  { from: 0, label: '30% 以下', color: [215, 48, 31] },
  { from: 0.3, label: '30%–50%', color: [252, 141, 89] },
  { from: 0.5, label: '50%–70%', color: [254, 224, 139] },
  { from: 0.7, label: '70%–90%', color: [145, 207, 96] },
  { from: 0.9, label: '90% 及以上', color: [26, 152, 80] },
];

/** A village with no premises on record is shown apart from the classes. */
const NO_PREMISES: { label: string; color: Rgb } = { label: '无经营户', color: [225, 225, 225] };

/** The colour of a village's progress (grey when it has no premises). */
export function progressColor(progress: number, surveyed: number): Rgb {
  if (surveyed === 0) return NO_PREMISES.color;
  let color = PROGRESS_CLASSES[0].color;
  for (const c of PROGRESS_CLASSES) if (progress >= c.from) color = c.color;
  return color;
}

/** The township map's legend: the progress classes, and the grey for villages without premises when any. */
export function progressLegend(anyEmpty: boolean): LegendEntry[] {
  return [
    ...PROGRESS_CLASSES.map((c) => ({ label: c.label, color: c.color, shape: 'box' as const })),
    ...(anyEmpty ? [{ label: NO_PREMISES.label, color: NO_PREMISES.color, shape: 'box' as const }] : []),
  ];
}
