/** Where a premise stands on a day. Order is the compact numeric form sent to the map. */
export const STATUSES = [
  { key: 'pending', name: '待整治', nameEn: 'Pending', color: [214, 48, 49] },
  { key: 'rectifying', name: '整改中', nameEn: 'Rectifying', color: [243, 156, 18] },
  { key: 'compliant', name: '已达标', nameEn: 'Compliant', color: [39, 174, 96] },
  { key: 'model', name: '示范点', nameEn: 'Model site', color: [41, 128, 185] },
  { key: 'closed', name: '已关停', nameEn: 'Closed', color: [99, 110, 114] },
  { key: 'converted', name: '已转化', nameEn: 'Converted', color: [155, 89, 182] },
] as const;

export type Status = (typeof STATUSES)[number]['key'];

export const STATUS_KEYS = STATUSES.map((s) => s.key) as [Status, ...Status[]];

/** Statuses that count as done in the progress formula. */
export const DONE_STATUSES: readonly Status[] = ['compliant', 'model', 'closed', 'converted'];

/** Statuses in which the premise no longer operates, so it cannot be unlicensed. */
export const NOT_OPERATING: readonly Status[] = ['closed', 'converted'];

export function statusIndex(status: Status): number {
  return STATUS_KEYS.indexOf(status);
}
