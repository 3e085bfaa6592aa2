import { STATUSES } from '../statuses';
import type { TableColumn, TableSpec } from './pdf-table';
import type { FigureRow, Figures, RankedVillage, ScoreSection } from './report-model';
import { percent } from './report-text';

/** Columns with relative widths scaled to fill `total`. */
function fitColumns(columns: readonly TableColumn[], total: number): TableColumn[] {
  const sum = columns.reduce((s, c) => s + c.width, 0);
  return columns.map((c) => ({ ...c, width: (c.width * total) / sum }));
}

const statusColumns = (width: number): TableColumn[] => STATUSES.map((s) => ({ header: s.name, width }));

/** The figures of a row as cells: 户数, each status, 无证照, 逾期未整改, 整治完成率. */
function figureCells(f: Figures): string[] {
  return [
    String(f.surveyed),
    ...STATUSES.map((s) => String(f.byStatus[s.key])),
    String(f.unlicensed),
    String(f.overdue),
    percent(f.progress, f.surveyed),
  ];
}

const STATUS_GROUP = (from: number) => [{ label: '其中', from, span: STATUSES.length }];

/** 分行业情况: a row per trade and 合计. */
export function tradeTable(rows: readonly FigureRow[], totals: Figures, width: number): TableSpec {
  return {
    columns: fitColumns(
      [
        { header: '行业', width: 84, align: 'left' },
        { header: '户数', width: 40 },
        ...statusColumns(40),
        { header: '无证照', width: 42 },
        { header: '逾期未整改', width: 54 },
        { header: '整治完成率', width: 56 },
      ],
      width,
    ),
    groups: STATUS_GROUP(2),
    rows: rows.map((r) => [r.name, ...figureCells(r)]),
    totals: ['合计', ...figureCells(totals)],
  };
}

/** A ranking's columns: 排名, the name, 户数, each status, 无证照, 逾期未整改, 整治完成率. */
const rankedColumns = (nameHeader: string): TableColumn[] => [
  { header: '排名', width: 30, align: 'center' },
  { header: nameHeader, width: 74, align: 'left' },
  { header: '户数', width: 38 },
  ...statusColumns(36),
  { header: '无证照', width: 40 },
  { header: '逾期未整改', width: 52 },
  { header: '整治完成率', width: 54 },
];

/** 各村（社区）整治情况, ranked by progress; with 验收 when acceptance is available. */
export function villageTable(
  rows: readonly RankedVillage[],
  totals: Figures,
  width: number,
  withAcceptance: boolean,
): TableSpec {
  const verdict = (p: boolean | null) => (p === null ? '—' : p ? '通过' : '未通过');
  return {
    columns: fitColumns(
      [
        ...rankedColumns('村（社区）'),
        ...(withAcceptance ? [{ header: '年度验收', width: 46, align: 'center' as const }] : []),
      ],
      width,
    ),
    groups: STATUS_GROUP(3),
    rows: rows.map((r) => [
      String(r.rank),
      r.name,
      ...figureCells(r),
      ...(withAcceptance ? [verdict(r.passed)] : []),
    ]),
    totals: ['', '全镇合计', ...figureCells(totals), ...(withAcceptance ? [''] : [])],
    cellColor: (ri, ci) => (withAcceptance && ci === 13 && rows[ri]?.passed === false ? '#b03a2e' : null),
  };
}

/** 各乡镇整治情况 of a district's summary, ranked by progress. */
export function townshipTable(
  rows: readonly (FigureRow & { rank: number })[],
  totals: Figures,
  width: number,
): TableSpec {
  return {
    columns: fitColumns(rankedColumns('乡镇（街道）'), width),
    groups: STATUS_GROUP(3),
    rows: rows.map((r) => [String(r.rank), r.name, ...figureCells(r)]),
    totals: ['', '全区合计', ...figureCells(totals)],
  };
}

/** 年度验收考核: each target against the record, with the points. */
export function scoreTable(s: ScoreSection, width: number): TableSpec {
  return {
    columns: fitColumns(
      [
        { header: '考核项目', width: 110, align: 'left' },
        { header: '目标', width: 80 },
        { header: '实际', width: 80 },
        { header: '是否达标', width: 60, align: 'center' },
        { header: '分值', width: 50 },
        { header: '得分', width: 50 },
      ],
      width,
    ),
    rows: s.rows.map((r) => [
      r.item,
      r.target,
      r.actual,
      r.met ? '达标' : '未达标',
      String(r.weight),
      r.points.toFixed(1),
    ]),
    totals: ['合计', '', '', s.meetsTargets ? '全部达标' : '', '100', s.computed.toFixed(1)],
    cellColor: (ri, ci) => (ci === 3 && s.rows[ri] && !s.rows[ri].met ? '#b03a2e' : null),
  };
}
