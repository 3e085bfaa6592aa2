import type { AcceptanceResult, AdjustmentItem } from '@domain/acceptance/scorecard';
import type { Lang } from '../lib/url-state';
import { useStore } from '../store';

/** Labels of the annual acceptance (年度验收) and accountability (问责) panel. */
const zh = {
  open: '验收',
  openHint: '年度验收与问责',
  title: '年度验收',
  close: '关闭',
  year: '年度',
  asOf: '截至 {date}',
  running: '（年度进行中，按今天计）',
  targetsVersion: '目标版本：{v}',
  planTargets: '整治方案',
  passMark: '通过分数线 {n}',
  legend: '地图按验收结果着色',
  villages: '各村（社区）',
  score: '得分',
  pickVillage: '点击地图上的村（社区）或下表查看评分表',
  result_passed: '通过',
  result_failed: '未通过',
  result_meets_targets: '未签署（已达标）',
  result_not_signed: '未签署',
  pilot: '试点村',
  item: '考核项目',
  target: '目标',
  actual: '实际',
  points: '得分',
  met: '达标',
  notMet: '未达标',
  atMost: '不超过',
  atLeast: '不低于',
  evidence: '依据（{n} 户）',
  evidenceMore: '另有 {n} 户',
  computed: '计算得分 {n}',
  adjusted: '调整后得分 {n}',
  adjustments: '验收组调整',
  addAdjustment: '添加调整',
  adjustmentPoints: '分值',
  adjustmentRemark: '理由',
  remove: '删除',
  remarks: '验收意见',
  saveNotes: '保存调整与意见',
  saved: '已保存',
  signOff: '签署',
  signPass: '签署：通过',
  signFail: '签署：不通过',
  signedBy: '{who} 于 {when} 签署：{result}',
  reopen: '撤回签署',
  proposes: '按得分建议：{result}',
  noRecord: '验收组尚未填写',
  accountability: '问责清单',
  days: '逾期天数 ≥',
  none: '没有',
  kind_incident: '质量安全事故',
  kind_acceptance_failed: '验收未通过',
  kind_overdue: '逾期未整改',
  responsible: '责任：',
  loading: '正在加载…',
  item_other: '其他',
  trades: '分行业目标（全镇）',
  tradeProgress: '完成率 / 目标',
  tradeModels: '示范点 / 目标',
};

export type AcceptanceMessages = typeof zh;

const en: AcceptanceMessages = {
  open: 'Acceptance',
  openHint: 'Annual acceptance and accountability',
  title: 'Annual acceptance',
  close: 'Close',
  year: 'Year',
  asOf: 'As of {date}',
  running: ' (year running: as of today)',
  targetsVersion: 'Targets version: {v}',
  planTargets: 'the plan',
  passMark: 'Pass mark {n}',
  legend: 'Villages coloured by their result',
  villages: 'Villages',
  score: 'Score',
  pickVillage: 'Click a village on the map or below for its scorecard',
  result_passed: 'Passed',
  result_failed: 'Failed',
  result_meets_targets: 'Not signed (targets met)',
  result_not_signed: 'Not signed',
  pilot: 'Pilot',
  item: 'Item',
  target: 'Target',
  actual: 'Actual',
  points: 'Points',
  met: 'Met',
  notMet: 'Not met',
  atMost: 'at most',
  atLeast: 'at least',
  evidence: 'Evidence ({n} premises)',
  evidenceMore: '{n} more',
  computed: 'Computed {n}',
  adjusted: 'Adjusted {n}',
  adjustments: 'Team adjustments',
  addAdjustment: 'Add adjustment',
  adjustmentPoints: 'Points',
  adjustmentRemark: 'Reason',
  remove: 'Remove',
  remarks: 'Remarks',
  saveNotes: 'Save adjustments and remarks',
  saved: 'Saved',
  signOff: 'Sign off',
  signPass: 'Sign off: passed',
  signFail: 'Sign off: failed',
  signedBy: 'Signed off by {who} on {when}: {result}',
  reopen: 'Take sign-off back',
  proposes: 'The score suggests: {result}',
  noRecord: 'Nothing from the team yet',
  accountability: 'Accountability',
  days: 'Overdue days ≥',
  none: 'None',
  kind_incident: 'Incident',
  kind_acceptance_failed: 'Acceptance failed',
  kind_overdue: 'Overdue order',
  responsible: 'Answers: ',
  loading: 'Loading…',
  item_other: 'Other',
  trades: 'Targets per trade (township)',
  tradeProgress: 'Progress / target',
  tradeModels: 'Model sites / target',
};

const TABLES: Record<Lang, AcceptanceMessages> = { zh, en };

/** The panel's labels in the page's language. */
export function useAcceptanceText(): AcceptanceMessages {
  return TABLES[useStore((s) => s.lang)];
}

export function resultName(t: AcceptanceMessages, result: AcceptanceResult): string {
  return t[`result_${result}`];
}

/** A score item's name in the page's language (the scorecard module names them in both). */
export function itemName(
  t: AcceptanceMessages,
  names: Record<string, { name: string; nameEn: string }>,
  item: AdjustmentItem,
  lang: Lang,
): string {
  if (item === 'other') return t.item_other;
  return lang === 'en' ? names[item].nameEn : names[item].name;
}
