import { csvText } from '../csv-text';

/**
 * One problem as the report lists it: row as the file numbers it, column as written, the cell, what
 * was expected in Chinese and in English. Issues stored before `expectedZh` existed lack it.
 */
export interface ReportedIssue {
  row: number;
  column: string;
  value: string;
  expected: string;
  expectedZh?: string;
}

/**
 * The downloadable error report of an import: one line per problem (row as the file numbers it,
 * column, what the cell held, what was expected in Chinese, level, and the English of what was
 * expected last), by row with errors before warnings. UTF-8 with BOM for Excel.
 */
export function errorReportCsv(errors: readonly ReportedIssue[], warnings: readonly ReportedIssue[]): string {
  const line = (level: string) => (i: ReportedIssue) =>
    [i.row, i.column, i.value, i.expectedZh || i.expected, level, i.expected] as const;
  const rows = [...errors.map(line('错误')), ...warnings.map(line('提示'))].sort((a, b) => a[0] - b[0]);
  return csvText(['行号', '列', '内容', '应为', '级别', 'expected'], rows);
}
