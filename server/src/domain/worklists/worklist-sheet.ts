import { CATEGORIES } from '../categories';
import { LICENCE_TYPES } from '../licences';
import { STATUSES } from '../statuses';
import type { MatchField } from './rebound-matches';
import type { WorkItem } from './work-lists';

/** The work lists, by the key in their path. */
export const WORKLISTS = [
  { key: 'overdue', name: '逾期未复查', nameEn: 'Overdue for re-inspection' },
  { key: 'due-soon', name: '整改即将到期', nameEn: 'Rectification due soon' },
  { key: 'repeat-failures', name: '屡次整改仍达不到要求', nameEn: 'Failed re-inspection repeatedly' },
  { key: 'rebound', name: '关停取缔后回潮', nameEn: 'Back after closure' },
  { key: 'expiring-licences', name: '证照即将到期', nameEn: 'Licences expiring' },
] as const;
export type WorklistKey = (typeof WORKLISTS)[number]['key'];

/** An item of any list, with its own fields. */
type AnyItem = WorkItem & Record<string, unknown>;

type Cell = string | number | null;
interface Column {
  header: string;
  width: number;
  value: (item: AnyItem) => Cell;
}

const categoryName = new Map<string, string>(CATEGORIES.map((c) => [c.code, c.name]));
const statusName = new Map<string, string>(STATUSES.map((s) => [s.key, s.name]));
const licenceName = new Map<string, string>(LICENCE_TYPES.map((l) => [l.code, l.name]));
const MATCH_NAMES: Record<MatchField, string> = { operator: '经营者', phone: '联系电话', address: '地址' };

const text = (v: unknown): Cell => (v === null || v === undefined ? null : String(v));
const BASE: Column[] = [
  { header: '档案编号', width: 16, value: (i) => i.archiveNo },
  { header: '名称', width: 28, value: (i) => i.name },
  { header: '所属村社区', width: 14, value: (i) => i.village.name },
  { header: '行业', width: 16, value: (i) => categoryName.get(i.category) ?? i.category },
  { header: '状态', width: 10, value: (i) => (i.status ? (statusName.get(i.status) ?? i.status) : null) },
  { header: '责令整改日期', width: 14, value: (i) => i.orderedOn },
  { header: '整改期限', width: 14, value: (i) => i.deadline },
  { header: '逾期天数', width: 10, value: (i) => i.daysOverdue },
];

const OWN: Record<WorklistKey, Column[]> = {
  overdue: [],
  'due-soon': [{ header: '剩余天数', width: 10, value: (i) => i.daysLeft as number }],
  'repeat-failures': [
    { header: '复查不合格次数', width: 14, value: (i) => i.failures as number },
    { header: '最近不合格日期', width: 14, value: (i) => text(i.lastFailedOn) },
  ],
  rebound: [
    { header: '建档日期', width: 14, value: (i) => text(i.surveyedOn) },
    { header: '原关停经营户档案编号', width: 20, value: (i) => text(i.closedArchiveNo) },
    { header: '关停/转化日期', width: 14, value: (i) => text(i.closedOn) },
    {
      header: '相同项',
      width: 18,
      value: (i) => (i.matches as MatchField[]).map((m) => MATCH_NAMES[m]).join('、'),
    },
  ],
  'expiring-licences': [
    { header: '证照', width: 26, value: (i) => licenceName.get(String(i.licence)) ?? text(i.licence) },
    { header: '证照编号', width: 20, value: (i) => text(i.licenceNo) },
    { header: '有效期至', width: 14, value: (i) => text(i.validTo) },
    { header: '剩余天数', width: 10, value: (i) => i.daysLeft as number },
  ],
};

/** The columns of a list's spreadsheet, with Chinese headers. */
export function worklistColumns(key: WorklistKey): { header: string; width: number }[] {
  return [...BASE, ...OWN[key]].map(({ header, width }) => ({ header, width }));
}

/** The rows of a list's spreadsheet, in the order of worklistColumns. */
export function worklistRows(key: WorklistKey, items: readonly WorkItem[]): Cell[][] {
  const columns = [...BASE, ...OWN[key]];
  return items.map((i) => columns.map((c) => c.value(i as AnyItem)));
}
