import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { type ImportProgress, importProgress, importResult, type StagedPremises, startCommit } from '../api';
import { commitFraction, progressSettled } from '../lib/import-progress';
import { useStore } from '../store';
import { importWritten } from '../writes';
import { fill, useDataMessages, useErrorText } from './data-i18n';
import type { Decisions } from './import-wizard';

const POLL_MS = 300;

interface CommitResult {
  created: number;
  merged: number;
  skipped: number;
  queuedForReview: number;
}

/** Starts the commit in the background and shows its progress (polled) and result. */
export function CommitStep({
  staged,
  decisions,
  onReview,
  onRestart,
}: {
  staged: StagedPremises;
  decisions: Decisions;
  onReview(): void;
  onRestart(): void;
}) {
  const t = useDataMessages();
  const lang = useStore((s) => s.lang);
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // The commit runs to its end even if the step is left: what it wrote is invalidated either way.
  const {
    mutate: commit,
    data: result,
    error,
  } = useMutation({
    mutationFn: async (): Promise<CommitResult | null> => {
      await startCommit(staged.importId, decisions);
      for (;;) {
        const p = await importProgress(staged.importId);
        setProgress(p);
        if (p.phase === 'committed') return (await importResult(staged.importId)) as CommitResult;
        if (progressSettled(p)) return null; // failed or undone: its progress says why
        await new Promise((wake) => setTimeout(wake, POLL_MS));
      }
    },
    onSuccess: (committed) => {
      if (committed) void importWritten(qc, 'premises');
    },
  });
  // A commit is a write: started once for these decisions, StrictMode's second effect run included.
  const started = useRef<Decisions | null>(null);
  useEffect(() => {
    if (started.current === decisions) return;
    started.current = decisions;
    commit();
  }, [decisions, commit]);

  // A step that failed in the background says why on its progress, in both languages when it can.
  const failure =
    progress?.phase === 'failed'
      ? (lang === 'zh' && progress.messageZh) || progress.message || t.failed
      : error
        ? errorText(error)
        : null;

  const fraction = progress ? commitFraction(progress) : 0;
  const label = result
    ? t.progressDone
    : progress?.phase === 'writing'
      ? t.progressWriting
      : t.progressChecking;
  return (
    <div>
      <p>
        {label} · {Math.round(fraction * 100)}%
      </p>
      <div
        className="progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        data-testid="import-progress"
        data-value={fraction}
        data-phase={progress?.phase ?? 'starting'}
      >
        <div style={{ width: `${fraction * 100}%` }} />
      </div>
      {progress && (
        <p className="data-note" data-testid="import-progress-counts">
          {fill(t.progressCounts, { v: progress.validated, t: progress.total, w: progress.written })}
        </p>
      )}
      {result && (
        <>
          <div className="data-summary" data-testid="import-result">
            {(
              [
                [t.resultCreated, result.created],
                [t.resultMerged, result.merged],
                [t.resultSkipped, result.skipped],
                [t.resultQueued, result.queuedForReview],
              ] as const
            ).map(([name, n]) => (
              <div key={name}>
                <b>{n}</b>
                <span>{name}</span>
              </div>
            ))}
          </div>
          <div className="data-actions">
            {result.queuedForReview > 0 && (
              <button type="button" className="data-button" onClick={onReview} data-testid="import-go-review">
                {t.goReview}（{result.queuedForReview}）
              </button>
            )}
            <button type="button" className="data-button secondary" onClick={onRestart}>
              {t.importAnother}
            </button>
          </div>
        </>
      )}
      {failure !== null && (
        <>
          <p className="data-error" role="alert">
            {failure}
          </p>
          <button type="button" className="data-button secondary" onClick={onRestart}>
            {t.importAnother}
          </button>
        </>
      )}
    </div>
  );
}
