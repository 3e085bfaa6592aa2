import type { Validation } from '../api';
import { useStore } from '../store';
import { useDataMessages } from './data-i18n';

/** How many problems a table shows; the error report has them all. */
export const SHOWN_ISSUES = 50;

/**
 * One problem of an import (a premise list's or a door-plate list's): the row as the file numbers
 * it, the column as written, the cell, what was expected in English and in Chinese.
 */
type Issue = Pick<Validation['errors'][number], 'row' | 'column' | 'value' | 'expected' | 'expectedZh'>;

/** The first problems of an import as a table: row, column, value, expected (in the page's language). */
export function IssueTable({ issues, testId }: { issues: readonly Issue[]; testId: string }) {
  const t = useDataMessages();
  const lang = useStore((s) => s.lang);
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>{t.errRow}</th>
          <th>{t.errColumn}</th>
          <th>{t.errValue}</th>
          <th>{t.errExpected}</th>
        </tr>
      </thead>
      <tbody>
        {issues.slice(0, SHOWN_ISSUES).map((i) => (
          <tr key={`${i.row}-${i.column}-${i.expected}`}>
            <td>{i.row}</td>
            <td>{i.column}</td>
            <td>{i.value}</td>
            {/* A dry run stored before expectedZh existed has only the English. */}
            <td>{lang === 'zh' ? i.expectedZh || i.expected : i.expected}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
