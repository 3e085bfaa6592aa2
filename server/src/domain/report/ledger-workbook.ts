import ExcelJS from 'exceljs';
import { neutralise } from '../csv-text';
import type { LedgerCell } from '../export/premise-ledger';
import { STATUSES } from '../statuses';
import type { FigureRow, Figures } from './report-model';

/** 汇总表: a row per trade (a village's ledger) or per village (a trade's), and 合计. */
export interface SummarySheet {
  title: string;
  /** 填报单位, e.g. 石塘镇三义村. */
  unit: string;
  /** 统计截至, YYYY年M月D日. */
  asOf: string;
  /** What a row is: 行业 or 村（社区）. */
  rowHeader: string;
  rows: readonly FigureRow[];
  totals: Figures;
}

/** 经营户明细: the premises behind the summary, one a row, personal data as the reader may see it. */
export interface DetailSheet {
  title: string;
  subtitle: string;
  columns: readonly { header: string; width: number }[];
  rows: readonly (readonly LedgerCell[])[];
  /** The column (0-based, after 序号) whose 是 cells the totals row counts, or null. */
  countYesColumn: number | null;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FONT = '宋体';

/** The summary's columns after 序号 and the row's name: counts, then the rate, then 备注. */
const COUNT_HEADERS = ['摸底户数', ...STATUSES.map((s) => s.name), '无证照经营', '逾期未整改'];
const SUMMARY_WIDTH = 2 + COUNT_HEADERS.length + 2;

const countsOf = (f: Figures): number[] => [
  f.surveyed,
  ...STATUSES.map((s) => f.byStatus[s.key]),
  f.unlicensed,
  f.overdue,
];

const column = (n: number) => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

function frame(
  cell: ExcelJS.Cell,
  opts: { bold?: boolean; fill?: ExcelJS.Fill; align?: 'left' | 'center' | 'right' },
) {
  cell.border = THIN;
  cell.font = { name: FONT, size: 10, bold: opts.bold ?? false };
  cell.alignment = { horizontal: opts.align ?? 'center', vertical: 'middle', wrapText: true };
  if (opts.fill) cell.fill = opts.fill;
}

function titleRows(sheet: ExcelJS.Worksheet, width: number, title: string): void {
  sheet.mergeCells(1, 1, 1, width);
  const cell = sheet.getCell(1, 1);
  cell.value = neutralise(title);
  cell.font = { name: '黑体', size: 16, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 32;
}

function printSetup(sheet: ExcelJS.Worksheet, headerRows: string): void {
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: headerRows,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
}

/**
 * 汇总表 in the layout a county inspection asks for: a merged title, 填报单位 and 统计截至 on the
 * second line, a two-row header (整治情况 over the six statuses), the rows, a 合计 row whose
 * counts are SUM formulas (with their values stored, so a reader without recalculation sees them)
 * and the signature line (填报人、审核人、单位负责人、填报日期).
 */
function writeSummary(sheet: ExcelJS.Worksheet, s: SummarySheet): void {
  const width = SUMMARY_WIDTH;
  sheet.columns = [
    { width: 6 },
    { width: 18 },
    ...COUNT_HEADERS.map(() => ({ width: 9 })),
    { width: 11 },
    { width: 14 },
  ];
  titleRows(sheet, width, s.title);
  const half = Math.floor(width / 2);
  sheet.mergeCells(2, 1, 2, half);
  sheet.mergeCells(2, half + 1, 2, width);
  sheet.getCell(2, 1).value = neutralise(`填报单位（盖章）：${s.unit}`);
  sheet.getCell(2, half + 1).value = `统计截至：${s.asOf}　　单位：户`;
  sheet.getCell(2, half + 1).alignment = { horizontal: 'right' };
  for (const c of [1, half + 1]) sheet.getCell(2, c).font = { name: FONT, size: 10 };

  // Header rows 3 and 4: 整治情况 spans the statuses, every other heading spans both rows.
  const firstStatus = 4;
  const lastStatus = firstStatus + STATUSES.length - 1;
  const headers = ['序号', s.rowHeader, ...COUNT_HEADERS, '整治完成率', '备注'];
  headers.forEach((h, i) => {
    const col = i + 1;
    if (col >= firstStatus && col <= lastStatus) {
      sheet.getCell(4, col).value = h;
    } else {
      sheet.mergeCells(3, col, 4, col);
      sheet.getCell(3, col).value = h;
    }
  });
  sheet.mergeCells(3, firstStatus, 3, lastStatus);
  sheet.getCell(3, firstStatus).value = '整治情况';
  for (const r of [3, 4]) {
    sheet.getRow(r).height = 20;
    for (let c = 1; c <= width; c++) frame(sheet.getCell(r, c), { bold: true, fill: HEAD_FILL });
  }

  const first = 5;
  s.rows.forEach((row, i) => {
    const r = first + i;
    const values: (string | number)[] = [i + 1, neutralise(row.name), ...countsOf(row), row.progress, ''];
    values.forEach((v, ci) => {
      const cell = sheet.getCell(r, ci + 1);
      cell.value = v;
      frame(cell, { align: ci === 1 ? 'left' : 'center' });
    });
    sheet.getCell(r, width - 1).numFmt = '0.0%';
  });

  const last = first + s.rows.length - 1;
  const t = last + 1;
  sheet.mergeCells(t, 1, t, 2);
  sheet.getCell(t, 1).value = '合计';
  const totals = countsOf(s.totals);
  totals.forEach((value, i) => {
    const col = column(3 + i);
    sheet.getCell(t, 3 + i).value =
      s.rows.length > 0 ? { formula: `SUM(${col}${first}:${col}${last})`, result: value } : value;
  });
  // 整治完成率 = (已达标 + 示范点 + 已关停 + 已转化) / 摸底户数, as the product computes it.
  const surveyed = `${column(3)}${t}`;
  const done = `SUM(${column(firstStatus + 2)}${t}:${column(lastStatus)}${t})`;
  sheet.getCell(t, width - 1).value = {
    formula: `IF(${surveyed}=0,0,${done}/${surveyed})`,
    result: s.totals.progress,
  };
  sheet.getCell(t, width - 1).numFmt = '0.0%';
  for (let c = 1; c <= width; c++) frame(sheet.getCell(t, c), { bold: true, fill: TOTAL_FILL });

  sheet.mergeCells(t + 2, 1, t + 2, width);
  const sign = sheet.getCell(t + 2, 1);
  sign.value =
    '填报人：　　　　　　　审核人：　　　　　　　单位负责人：　　　　　　　填报日期：　　　　年　　月　　日';
  sign.font = { name: FONT, size: 10 };
  printSetup(sheet, '3:4');
}

/** 经营户明细: merged title and subtitle, one header row, the premises, and 合计 (how many, how many unlicensed). */
function writeDetail(sheet: ExcelJS.Worksheet, d: DetailSheet): void {
  const width = 1 + d.columns.length;
  sheet.columns = [{ width: 6 }, ...d.columns.map((c) => ({ width: c.width }))];
  titleRows(sheet, width, d.title);
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = neutralise(d.subtitle);
  sheet.getCell(2, 1).font = { name: FONT, size: 10, color: { argb: 'FF555555' } };
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: 'middle' };
  sheet.getRow(2).height = 30;
  ['序号', ...d.columns.map((c) => c.header)].forEach((h, i) => {
    const cell = sheet.getCell(3, i + 1);
    cell.value = h;
    frame(cell, { bold: true, fill: HEAD_FILL });
  });
  sheet.getRow(3).height = 20;
  d.rows.forEach((row, i) => {
    const r = 4 + i;
    [i + 1, ...row].forEach((v, ci) => {
      const cell = sheet.getCell(r, ci + 1);
      cell.value = typeof v === 'string' ? neutralise(v) : v;
      frame(cell, { align: ci === 0 ? 'center' : 'left' });
    });
  });
  const t = 4 + d.rows.length;
  sheet.mergeCells(t, 1, t, 2);
  sheet.getCell(t, 1).value = '合计';
  sheet.getCell(t, 3).value = `共 ${d.rows.length} 户`;
  if (d.countYesColumn !== null) {
    const yes = d.rows.filter((r) => r[d.countYesColumn as number] === '是').length;
    sheet.getCell(t, d.countYesColumn + 2).value = `${yes} 户`;
  }
  for (let c = 1; c <= width; c++) frame(sheet.getCell(t, c), { bold: true, fill: TOTAL_FILL });
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  printSetup(sheet, '3:3');
}

/** A 台账 workbook: 汇总表 then 经营户明细. */
export async function ledgerWorkbook(summary: SummarySheet, detail: DetailSheet): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = '十小整治一张图';
  book.created = new Date();
  writeSummary(book.addWorksheet('汇总表'), summary);
  writeDetail(book.addWorksheet('经营户明细'), detail);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}
