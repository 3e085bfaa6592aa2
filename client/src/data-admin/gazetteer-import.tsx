import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type AddressImport, ApiRequestError, errorReportUrl, importAddresses } from '../api';
import { importWritten } from '../writes';
import { fill, useDataMessages, useErrorText } from './data-i18n';
import { IssueTable, SHOWN_ISSUES } from './issue-table';

const CRS_CHOICES = ['', 'CGCS2000', 'GCJ02', 'BD09'] as const;

/** The import's own answer when it refused the file (strict, or no good row): counts and problems. */
function refusedImport(err: unknown): AddressImport | null {
  if (!(err instanceof ApiRequestError)) return null;
  const d = err.details as Partial<AddressImport> | undefined;
  return d && typeof d.imported === 'number' && Array.isArray(d.errors) ? (d as AddressImport) : null;
}

/**
 * Door-plate import (门牌, the geocoder's gazetteer): drop a list, see what went in and what did
 * not (row, column, value, expected) with the error report to download; with strict, all or
 * nothing. Exported for the set-up flow, which embeds it.
 */
export function GazetteerImport() {
  const t = useDataMessages();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [strict, setStrict] = useState(false);
  const [crs, setCrs] = useState<(typeof CRS_CHOICES)[number]>('');
  const [outcome, setOutcome] = useState<AddressImport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const result = await importAddresses(file, { strict, crs });
      setOutcome(result);
      void importWritten(qc, 'addresses');
    } catch (err) {
      setOutcome(refusedImport(err));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const counts: [string, number, string][] = outcome
    ? [
        [t.addressImported, outcome.imported, 'imported'],
        [t.addressRejected, outcome.rejected, 'rejected'],
        [t.summary_warnings, outcome.warningCount, 'warnings'],
      ]
    : [];
  return (
    <div data-testid="gazetteer-import">
      <p className="data-note">{t.addressIntro}</p>
      <div className="data-form">
        <label htmlFor="gazetteer-crs">{t.addressCrs}</label>
        <select
          id="gazetteer-crs"
          value={crs}
          data-testid="gazetteer-crs"
          onChange={(e) => setCrs(e.currentTarget.value as (typeof CRS_CHOICES)[number])}
        >
          {CRS_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c || t.addressCrsDefault}
            </option>
          ))}
        </select>
        <input
          id="gazetteer-strict"
          type="checkbox"
          checked={strict}
          data-testid="gazetteer-strict"
          onChange={(e) => setStrict(e.currentTarget.checked)}
        />
        <label htmlFor="gazetteer-strict">{t.addressStrict}</label>
      </div>
      <label className="data-file">
        {t.addressFile}
        <input
          type="file"
          accept=".csv,.txt,.xlsx,.geojson,.json"
          data-testid="gazetteer-file"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void upload(file);
          }}
        />
      </label>
      {busy && <p className="data-note">{t.working}</p>}
      {error !== null && (
        <p className="data-error" role="alert" data-testid="gazetteer-error">
          {outcome ? `${t.addressRefused}${errorText(error)}` : errorText(error)}
        </p>
      )}
      {outcome && (
        <>
          {outcome.state === 'committed' && (
            <p className="data-ok" data-testid="gazetteer-done">
              {fill(t.addressDone, { n: outcome.imported, file: outcome.fileName })}
            </p>
          )}
          <div className="data-summary" data-testid="gazetteer-result">
            {counts.map(([label, n, key]) => (
              <div key={key} data-testid={`gazetteer-${key}`} data-value={n}>
                <b>{n}</b>
                <span>{label}</span>
              </div>
            ))}
          </div>
          {outcome.notes.map((note) => (
            <p key={note} className="data-note">
              {note}
            </p>
          ))}
          {outcome.importId !== null && outcome.errorCount + outcome.warningCount > 0 && (
            <p>
              <a href={errorReportUrl(outcome.importId)} download data-testid="gazetteer-errors-csv">
                {t.errorReport}
              </a>
              {(outcome.truncated ||
                outcome.errors.length > SHOWN_ISSUES ||
                outcome.warnings.length > SHOWN_ISSUES) && (
                <span className="data-note"> · {fill(t.moreIssues, { n: SHOWN_ISSUES })}</span>
              )}
            </p>
          )}
          {outcome.errors.length > 0 && (
            <>
              <h3>
                {t.addressErrorsTitle}（{outcome.errorCount}）
              </h3>
              <IssueTable issues={outcome.errors} testId="gazetteer-errors" />
            </>
          )}
          {outcome.warnings.length > 0 && (
            <>
              <h3>
                {t.warningsTitle}（{outcome.warningCount}）
              </h3>
              <IssueTable issues={outcome.warnings} testId="gazetteer-warnings" />
            </>
          )}
        </>
      )}
    </div>
  );
}
