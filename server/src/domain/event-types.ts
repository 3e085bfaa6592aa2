/** Supervision records (监管记录). A premise's state on a day is the fold of these. */
export const EVENT_TYPES = [
  { key: 'surveyed', name: '摸底建档', nameEn: 'Surveyed' },
  { key: 'inspected', name: '检查', nameEn: 'Inspected' },
  { key: 'ordered', name: '责令整改', nameEn: 'Ordered to rectify' },
  { key: 'reinspected', name: '复查', nameEn: 'Re-inspected' },
  { key: 'licence_obtained', name: '取得证照', nameEn: 'Licence obtained' },
  { key: 'licence_expired', name: '证照到期', nameEn: 'Licence expired' },
  { key: 'upgraded', name: '规范提升', nameEn: 'Upgraded' },
  { key: 'model', name: '评为示范点', nameEn: 'Made a model site' },
  { key: 'closed', name: '关停取缔', nameEn: 'Closed' },
  { key: 'converted', name: '转产转化', nameEn: 'Converted' },
  { key: 'reopened', name: '重新开业', nameEn: 'Reopened' },
  { key: 'incident', name: '质量安全事故', nameEn: 'Incident' },
] as const;

export type EventType = (typeof EVENT_TYPES)[number]['key'];

export const EVENT_TYPE_KEYS = EVENT_TYPES.map((e) => e.key) as [EventType, ...EventType[]];

/** Problems an inspection can find. */
export const PROBLEMS = [
  { key: 'unlicensed', name: '无证照', nameEn: 'No licence' },
  { key: 'unsanitary', name: '脏乱差', nameEn: 'Dirty and disorderly' },
  { key: 'counterfeit', name: '假冒伪劣', nameEn: 'Fake or shoddy goods' },
  { key: 'substandard_facilities', name: '设施不达标', nameEn: 'Substandard facilities' },
  { key: 'out_of_scope', name: '超范围经营', nameEn: 'Trading beyond licence scope' },
] as const;

export type Problem = (typeof PROBLEMS)[number]['key'];

export const PROBLEM_KEYS = PROBLEMS.map((p) => p.key) as [Problem, ...Problem[]];
