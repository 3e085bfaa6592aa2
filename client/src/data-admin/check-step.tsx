import { useState } from 'react';
import { type Decision, errorReportUrl, type StagedPremises, type Validation } from '../api';
import { fill, useDataMessages } from './data-i18n';
import type { Decisions } from './import-wizard';
import { IssueTable, SHOWN_ISSUES } from './issue-table';

/** The dry run's outcome: counts, errors and warnings by row and column, duplicates to merge or skip. */
export function CheckStep({
  staged,
  validation: v,
  onBack,
  onCommit,
}: {
  staged: StagedPremises;
  validation: Validation;
  onBack(): void;
  onCommit(decisions: Decisions): void;
}) {
  const t = useDataMessages();
  const [rows, setRows] = useState<Record<string, Decision>>({});
  const [all, setAll] = useState<Decision>('skip');
  const chooseAll = (d: Decision) => {
    setAll(d);
    setRows({});
  };
  const counts: [string, number][] = [
    [t.summary_rows, v.rowCount],
    [t.summary_valid, v.validRows],
    [t.summary_invalid, v.invalidRows],
    [t.summary_new, v.newRows],
    [t.summary_duplicates, v.duplicates.length],
    [t.summary_low, v.lowConfidence],
  ];
  const issueCount = v.errorCount + v.warningCount;
  return (
    <div data-testid="import-check">
      <div className="data-summary">
        {counts.map(([label, n]) => (
          <div key={label}>
            <b>{n}</b>
            <span>{label}</span>
          </div>
        ))}
      </div>
      {issueCount > 0 && (
        <p>
          <a href={errorReportUrl(staged.importId)} download data-testid="import-errors-csv">
            {t.errorReport}
          </a>
          {(v.truncated || v.errors.length > SHOWN_ISSUES || v.warnings.length > SHOWN_ISSUES) && (
            <span className="data-note"> · {fill(t.moreIssues, { n: SHOWN_ISSUES })}</span>
          )}
        </p>
      )}
      {v.errors.length > 0 && (
        <>
          <h3>
            {t.errorsTitle}（{v.errorCount}）
          </h3>
          <IssueTable issues={v.errors} testId="import-errors" />
        </>
      )}
      {v.warnings.length > 0 && (
        <>
          <h3>
            {t.warningsTitle}（{v.warningCount}）
          </h3>
          <IssueTable issues={v.warnings} testId="import-warnings" />
        </>
      )}
      {v.duplicates.length > 0 && (
        <>
          <h3>{t.duplicatesTitle}</h3>
          <div className="data-actions">
            <button type="button" className="data-button secondary" onClick={() => chooseAll('skip')}>
              {t.allSkip}
            </button>
            <button type="button" className="data-button secondary" onClick={() => chooseAll('merge')}>
              {t.allMerge}
            </button>
          </div>
          <table data-testid="import-duplicates">
            <thead>
              <tr>
                <th>{t.errRow}</th>
                <th>{t.dupExisting}</th>
                <th>{t.decision}</th>
              </tr>
            </thead>
            <tbody>
              {v.duplicates.map((d) => (
                <tr key={d.row}>
                  <td>{d.row}</td>
                  <td>
                    {d.name}
                    <div className="data-note">
                      {d.existingId !== null
                        ? `#${d.existingId} ${d.address}`
                        : fill(t.dupSameRow, { n: d.sameAsRow ?? '' })}
                      {' · '}
                      {d.reason === 'archive_no' ? t.dupByArchive : t.dupByName}
                    </div>
                  </td>
                  <td>
                    <select
                      data-testid={`duplicate-${d.row}`}
                      value={rows[String(d.row)] ?? all}
                      onChange={(e) =>
                        setRows({ ...rows, [String(d.row)]: e.currentTarget.value as Decision })
                      }
                    >
                      <option value="skip">{t.decision_skip}</option>
                      {d.existingId !== null && <option value="merge">{t.decision_merge}</option>}
                      {d.reason !== 'archive_no' && <option value="new">{t.decision_new}</option>}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {v.errorCount > 0 && <p className="data-warn">{t.commitBlocked}</p>}
      <div className="data-actions">
        <button
          type="button"
          className="data-button"
          data-testid="import-commit"
          disabled={v.errorCount > 0 || v.validRows === 0}
          onClick={() => onCommit({ duplicates: all, rows })}
        >
          {t.commit}
        </button>
        <button type="button" className="data-button secondary" onClick={onBack}>
          {t.backToMapping}
        </button>
      </div>
    </div>
  );
}
