import { type Adjustment, ITEM_NAMES, type Scorecard, type ScoreItem } from '../acceptance/scorecard';
import type { ScoreSection } from './report-model';
import { percent } from './report-text';

/** Shares are printed as percentages, counts with their unit; "at most" targets with ≤, the others ≥. */
const FORMAT: Record<ScoreItem, { atMost: boolean; value: (x: number) => string }> = {
  filedShare: { atMost: false, value: (x) => percent(x) },
  progress: { atMost: false, value: (x) => percent(x) },
  unlicensedShare: { atMost: true, value: (x) => percent(x) },
  overdueOrders: { atMost: true, value: (x) => `${x} 户` },
  modelSites: { atMost: false, value: (x) => `${x} 个` },
};

/** What the acceptance record adds to a scorecard: the team's decision, sign-off and adjustments. */
export interface SignOff {
  passed: boolean | null;
  signedOffBy: string | null;
  signedOffAt: string | null;
  adjustments: readonly Adjustment[];
  remarks: string;
}

/** A village's scorecard (the acceptance pipeline's) as the report prints it. */
export function scoreSection(card: Scorecard, record: SignOff | null): ScoreSection {
  return {
    rows: card.lines.map((l) => {
      const f = FORMAT[l.item];
      return {
        item: ITEM_NAMES[l.item].name,
        target: `${f.atMost ? '≤' : '≥'} ${f.value(l.target)}`,
        actual: f.value(l.actual),
        met: l.met,
        weight: l.weight,
        points: l.points,
      };
    }),
    computed: card.computed,
    adjusted: card.adjusted,
    meetsTargets: card.meetsTargets,
    passed: record?.passed ?? null,
    signedOffBy: record?.signedOffBy ?? null,
    signedOffOn: record?.signedOffAt ? record.signedOffAt.slice(0, 10) : null,
    remarks: [
      ...(record?.adjustments ?? []).map(
        (a) =>
          `${a.item === 'other' ? '其他' : ITEM_NAMES[a.item].name} ${a.points >= 0 ? '+' : ''}${a.points} 分：${a.remark}`,
      ),
      ...(record?.remarks ? [record.remarks] : []),
    ],
  };
}
