import { DEPARTMENTS, type DepartmentCode } from '@domain/auth/roles';
import { formatDay, todayInChina } from '@domain/dates';
import { PROBLEMS, type Problem } from '@domain/event-types';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type InspectionBody,
  type OutcomeBody,
  type PremiseFile,
  postInspection,
  postOutcome,
  postReinspection,
  uploadPhotos,
} from '../../api';
import { categoryName, problemName } from '../../i18n/translate';
import { useLang } from '../../i18n/use-messages';
import { type StepKind, stepIssuesOrder } from '../../lib/step-order';
import { fill, useOfficeError, useOfficeText } from '../../office/office-i18n';
import { standardsQuery } from '../../queries';
import { premiseWritten } from '../../writes';
import { PHOTO_TYPES } from './photo-section';

const OUTCOMES = ['upgraded', 'model', 'closed', 'converted'] as const;
type Outcome = (typeof OUTCOMES)[number];

/**
 * Records a step of the workflow from the office: an inspection against the trade's checklist (a
 * failed item or a problem found issues an order to rectify, with its deadline and who answers for
 * it), a re-inspection (passed, or failed with a new order), or an outcome. Photos go up first and
 * are filed under the record.
 */
export function StepForm({ file, onDone }: { file: PremiseFile; onDone(): void }) {
  const t = useOfficeText();
  const lang = useLang();
  const errorText = useOfficeError();
  const qc = useQueryClient();
  const standards = useQuery(standardsQuery);
  const standard = standards.data?.find((s) => s.category === file.category);
  const [kind, setKind] = useState<StepKind>('inspection');
  const [date, setDate] = useState(formatDay(todayInChina()));
  const [failed, setFailed] = useState<Set<string>>(new Set());
  const [problems, setProblems] = useState<Set<Problem>>(new Set());
  const [passed, setPassed] = useState(true);
  const [outcome, setOutcome] = useState<Outcome>('upgraded');
  const [order, setOrder] = useState({
    deadline: '',
    responsible: file.operator?.includes('*') ? '' : (file.operator ?? ''),
  });
  const [departments, setDepartments] = useState<Set<DepartmentCode>>(new Set());
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const checked = kind !== 'outcome';
  const ordering = stepIssuesOrder(kind, { failedItems: failed.size, problems: problems.size, passed });
  const toggle = <T,>(set: Set<T>, value: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const photoIds = photos.length ? (await uploadPhotos(file.id, photos)).map((p) => p.id) : [];
      const common = {
        date,
        note: note || undefined,
        photos: photoIds,
        departments: departments.size ? [...departments] : undefined,
      };
      // a passed re-inspection passes every item, whatever was ticked before switching to it
      const cleared = kind === 'reinspection' && passed;
      const items = (standard?.items ?? []).map((i) => ({
        code: i.code,
        passed: cleared || !failed.has(i.code),
      }));
      const checklist: Pick<InspectionBody, 'items' | 'problems' | 'standardVersion' | 'order'> = {
        standardVersion: standard?.version,
        items,
        problems: cleared ? [] : [...problems],
        order: ordering ? order : undefined,
      };
      if (kind === 'inspection') await postInspection(file.id, { ...common, ...checklist });
      else if (kind === 'reinspection') await postReinspection(file.id, { ...common, ...checklist, passed });
      else await postOutcome(file.id, { ...common, outcome } as OutcomeBody);
      await premiseWritten(qc, file.id);
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="office-form step-form"
      data-testid="step-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="segmented">
        {(['inspection', 'reinspection', 'outcome'] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={kind === k}
            className={kind === k ? 'active' : undefined}
            data-testid={`step-${k}`}
            onClick={() => setKind(k)}
          >
            {t[`step_${k}`]}
          </button>
        ))}
      </div>
      <label>
        <span>{t.date}</span>
        <input type="date" data-testid="step-date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      {kind === 'reinspection' && (
        <div className="segmented">
          {[true, false].map((p) => (
            <button
              key={String(p)}
              type="button"
              aria-pressed={passed === p}
              className={passed === p ? 'active' : undefined}
              data-testid={p ? 'step-passed' : 'step-failed'}
              onClick={() => {
                setPassed(p);
                if (p) {
                  setFailed(new Set());
                  setProblems(new Set());
                }
              }}
            >
              {p ? t.passed : t.failed}
            </button>
          ))}
        </div>
      )}
      {checked && standard && (kind === 'inspection' || !passed) && (
        <fieldset className="checklist" data-testid="step-checklist">
          <legend>{fill(t.checklist, { category: categoryName(file.category, lang) })}</legend>
          {standard.items.map((item) => (
            <label key={item.code} className="check" data-item={item.code}>
              <input
                type="checkbox"
                checked={failed.has(item.code)}
                onChange={(e) => setFailed(toggle(failed, item.code, e.target.checked))}
              />
              <span>
                {lang === 'en' ? item.textEn : item.text}
                <em className={failed.has(item.code) ? 'fail' : 'pass'}>
                  {failed.has(item.code) ? t.itemFailed : t.itemPassed}
                </em>
              </span>
            </label>
          ))}
          <details>
            <summary>{t.extraProblems}</summary>
            {PROBLEMS.map((p) => (
              <label key={p.key} className="check">
                <input
                  type="checkbox"
                  checked={problems.has(p.key)}
                  onChange={(e) => setProblems(toggle(problems, p.key, e.target.checked))}
                />
                <span>{problemName(p.key, lang)}</span>
              </label>
            ))}
          </details>
        </fieldset>
      )}
      {kind === 'outcome' && (
        <label>
          <span>{t.outcome}</span>
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t[`outcome_${o}`]}
              </option>
            ))}
          </select>
        </label>
      )}
      {ordering && (
        <fieldset data-testid="step-order">
          <legend>{t.orderTitle}</legend>
          <label>
            <span>{t.deadline}</span>
            <input
              type="date"
              data-testid="order-deadline"
              value={order.deadline}
              onChange={(e) => setOrder({ ...order, deadline: e.target.value })}
            />
          </label>
          <label>
            <span>{t.responsible}</span>
            <input
              data-testid="order-responsible"
              value={order.responsible}
              onChange={(e) => setOrder({ ...order, responsible: e.target.value })}
            />
          </label>
        </fieldset>
      )}
      <fieldset className="departments">
        <legend>{t.departments}</legend>
        {DEPARTMENTS.map((d) => (
          <label key={d.code} className="check">
            <input
              type="checkbox"
              checked={departments.has(d.code)}
              onChange={(e) => setDepartments(toggle(departments, d.code, e.target.checked))}
            />
            <span>{lang === 'en' ? d.nameEn : d.name}</span>
          </label>
        ))}
      </fieldset>
      <label>
        <span>{t.note}</span>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label className="upload">
        <span className="upload-button">{t.choosePhotos}</span>
        <span className="muted">{photos.length ? photos.map((f) => f.name).join('、') : t.addPhotos}</span>
        <input
          type="file"
          className="file-input"
          accept={PHOTO_TYPES}
          multiple
          onChange={(e) => setPhotos([...(e.target.files ?? [])])}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="step-submit" disabled={busy}>
          {busy ? t.saving : t.submitStep}
        </button>
        <button type="button" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
