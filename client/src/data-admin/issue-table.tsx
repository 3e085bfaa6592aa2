import { useDataMessages } from './data-i18n';

/** How many problems a table shows; the error report has them all. */
export const SHOWN_ISSUES = 50;

/** One problem of an import: the row as the file numbers it, the column as written, the cell, what was expected. */
export interface Issue {
  row: number;
  column: string;
  value: string;
  expected: string;
}

/** The first problems of an import as a table: row, column, value, expected. */
export function IssueTable({ issues, testId }: { issues: readonly Issue[]; testId: string }) {
  const t = useDataMessages();
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
            <td>{i.expected}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
