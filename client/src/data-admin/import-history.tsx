import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiRequestError, type ImportSummary, undoImport } from '../api';
import { importsQuery } from '../queries';
import { importWritten } from '../writes';
import { useDataMessages, useErrorText } from './data-i18n';

/** When, in the page's own clock: YYYY-MM-DD HH:mm. */
function when(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function resultText(job: ImportSummary, labels: Record<string, string>): string {
  const r = job.result as Record<string, unknown> | null;
  if (!r) return '';
  return Object.entries(labels)
    .filter(([k]) => typeof r[k] === 'number' && (r[k] as number) > 0)
    .map(([k, label]) => `${label} ${r[k]}`)
    .join(' · ');
}

/** Every import, newest first, with undo of a whole committed import after a confirmation. */
export function ImportHistory() {
  const t = useDataMessages();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const { data: jobs, error: loadError, refetch } = useQuery(importsQuery);
  const [confirming, setConfirming] = useState<{ id: number; force: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const labels = {
    created: t.resultCreated,
    merged: t.resultMerged,
    skipped: t.resultSkipped,
    queuedForReview: t.resultQueued,
    replaced: t.resultReplaced,
    imported: t.resultImported,
    rejected: t.resultRejected,
  };

  const undo = async (job: ImportSummary, force: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await undoImport(job.importId, force);
      setConfirming(null);
      void importWritten(qc, job.kind);
    } catch (err) {
      setError(err);
      // Worked on since: offer to undo anyway, after the message says what would be lost.
      if (err instanceof ApiRequestError && err.status === 409)
        setConfirming({ id: job.importId, force: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="import-history">
      <div className="data-actions">
        <button type="button" className="data-button secondary" onClick={() => void refetch()}>
          {t.refresh}
        </button>
      </div>
      {jobs?.length === 0 && <p>{t.historyEmpty}</p>}
      {jobs && jobs.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t.histTime}</th>
              <th>{t.histFile}</th>
              <th>{t.histState}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.importId} data-testid={`import-history-${job.importId}`}>
                <td>{when(job.committedAt ?? job.createdAt)}</td>
                <td>
                  {job.fileName}
                  <div className="data-note">
                    {t[`kind_${job.kind}`]} · {job.rowCount} {t.rows}
                    {resultText(job, labels) && ` · ${resultText(job, labels)}`}
                  </div>
                  {confirming?.id === job.importId && (
                    <div className="confirm-box">
                      <p>
                        {job.kind === 'boundaries'
                          ? t.undoBoundaryQuestion
                          : job.kind === 'addresses'
                            ? t.undoAddressQuestion
                            : t.undoQuestion}
                      </p>
                      <div className="data-actions">
                        <button
                          type="button"
                          className="data-button danger"
                          disabled={busy}
                          data-testid="confirm-undo"
                          onClick={() => void undo(job, confirming.force)}
                        >
                          {confirming.force ? t.forceUndo : t.confirmUndo}
                        </button>
                        <button
                          type="button"
                          className="data-button secondary"
                          onClick={() => setConfirming(null)}
                        >
                          {t.cancel}
                        </button>
                      </div>
                    </div>
                  )}
                </td>
                <td>{t[`state_${job.state}`]}</td>
                <td>
                  {job.state === 'committed' && confirming?.id !== job.importId && (
                    <button
                      type="button"
                      className="data-button secondary"
                      data-testid={`undo-${job.importId}`}
                      onClick={() => {
                        setError(null);
                        setConfirming({ id: job.importId, force: false });
                      }}
                    >
                      {t.undo}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(error ?? loadError) !== null && (
        <p className="data-error" role="alert">
          {errorText(error ?? loadError)}
        </p>
      )}
    </div>
  );
}
