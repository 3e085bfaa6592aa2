import { csvText } from '../csv-text';
import type { RowIssue } from './premise-candidate';

/**
 * The downloadable error report of a dry run: one line per problem (row as the file numbers it,
 * column, what the cell held, what was expected), errors before warnings. UTF-8 with BOM for Excel.
 */
export function errorReportCsv(errors: readonly RowIssue[], warnings: readonly RowIssue[]): string {
  const line = (level: string) => (i: RowIssue) => [i.row, i.column, i.value, i.expected, level] as const;
  const rows = [...errors.map(line('错误')), ...warnings.map(line('提示'))].sort((a, b) => a[0] - b[0]);
  return csvText(['行号', '列', '内容', '应为', '级别'], rows);
}
