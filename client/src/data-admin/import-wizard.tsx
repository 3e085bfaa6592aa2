import { CATEGORIES } from '@domain/categories';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  abandonImport,
  putMapping,
  type StagedPremises,
  uploadPremiseList,
  type Validation,
  validateImport,
} from '../api';
import { categoryName } from '../i18n/translate';
import { queryKeys } from '../queries';
import { useStore } from '../store';
import { CheckStep } from './check-step';
import { CommitStep } from './commit-step';
import { useDataMessages, useErrorText } from './data-i18n';
import { MappingStep } from './mapping-step';

type Step =
  | { name: 'choose' }
  | { name: 'map'; staged: StagedPremises }
  | { name: 'check'; staged: StagedPremises; validation: Validation }
  | { name: 'commit'; staged: StagedPremises; decisions: Decisions };

export interface Decisions {
  duplicates: 'skip' | 'merge' | 'new';
  rows: Record<string, 'skip' | 'merge' | 'new'>;
}

const STEP_ORDER = ['choose', 'map', 'check', 'commit'] as const;
const CRS_CHOICES = ['WGS84', 'CGCS2000', 'GCJ02', 'BD09'] as const;

/** Premise import: choose a file → correct the column mapping → dry run → commit with progress. */
export function ImportWizard({ onReview }: { onReview(): void }) {
  const t = useDataMessages();
  const errorText = useErrorText();
  const lang = useStore((s) => s.lang);
  const qc = useQueryClient();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [options, setOptions] = useState({ crs: 'WGS84', surveyDate: '', defaultCategory: '' });

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const upload = (file: File) =>
    run(async () => {
      const staged = await uploadPremiseList(file, options);
      setStep({ name: 'map', staged });
    });

  const check = (staged: StagedPremises, changes: Record<string, number | null>) =>
    run(async () => {
      const current = Object.keys(changes).length > 0 ? await putMapping(staged.importId, changes) : staged;
      setStep({ name: 'map', staged: current });
      const validation = await validateImport(current.importId);
      setStep({ name: 'check', staged: current, validation });
    });

  // Leaving an upload behind abandons it, so its rows (personal data) do not wait on the server.
  const abandon = (staged: StagedPremises) =>
    run(async () => {
      await abandonImport(staged.importId);
      void qc.invalidateQueries({ queryKey: queryKeys.imports });
      setStep({ name: 'choose' });
    });

  const stepIndex = STEP_ORDER.indexOf(step.name);
  return (
    <div className="import-wizard">
      <ol className="data-steps">
        {STEP_ORDER.map((name, i) => (
          <li key={name} className={i < stepIndex ? 'done' : i === stepIndex ? 'current' : ''}>
            {i + 1}. {t[`step_${name}`]}
          </li>
        ))}
      </ol>
      {step.name === 'choose' && (
        <>
          <label className="data-file">
            {t.chooseFile}
            <input
              type="file"
              accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              data-testid="import-file"
              disabled={busy}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void upload(file);
              }}
            />
          </label>
          <p className="data-note">{t.chooseFileHint}</p>
          <div className="data-form">
            <label htmlFor="import-crs">{t.optCrs}</label>
            <select
              id="import-crs"
              value={options.crs}
              onChange={(e) => setOptions({ ...options, crs: e.currentTarget.value })}
            >
              {CRS_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <label htmlFor="import-survey-date">{t.optSurveyDate}</label>
            <input
              id="import-survey-date"
              type="date"
              value={options.surveyDate}
              title={t.optSurveyDateHint}
              onChange={(e) => setOptions({ ...options, surveyDate: e.currentTarget.value })}
            />
            <label htmlFor="import-category">{t.optDefaultCategory}</label>
            <select
              id="import-category"
              value={options.defaultCategory}
              onChange={(e) => setOptions({ ...options, defaultCategory: e.currentTarget.value })}
            >
              <option value="">{t.none}</option>
              {CATEGORIES.map((c) => (
                <option key={c.code} value={c.code}>
                  {categoryName(c.code, lang)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {step.name === 'map' && (
        <MappingStep
          staged={step.staged}
          busy={busy}
          onCheck={(changes) => void check(step.staged, changes)}
          onRestart={() => setStep({ name: 'choose' })}
        />
      )}
      {step.name === 'check' && (
        <CheckStep
          staged={step.staged}
          validation={step.validation}
          onBack={() => setStep({ name: 'map', staged: step.staged })}
          onCommit={(decisions) => setStep({ name: 'commit', staged: step.staged, decisions })}
        />
      )}
      {step.name === 'commit' && (
        <CommitStep
          staged={step.staged}
          decisions={step.decisions}
          onReview={onReview}
          onRestart={() => setStep({ name: 'choose' })}
        />
      )}
      {(step.name === 'map' || step.name === 'check') && (
        <div className="data-actions">
          <button
            type="button"
            className="data-button secondary"
            data-testid="import-abandon"
            disabled={busy}
            onClick={() => void abandon(step.staged)}
          >
            {t.abandonImport}
          </button>
        </div>
      )}
      {busy && <p className="data-note">{t.working}</p>}
      {error !== null && (
        <p className="data-error" role="alert" data-testid="import-error">
          {errorText(error)}
        </p>
      )}
    </div>
  );
}
