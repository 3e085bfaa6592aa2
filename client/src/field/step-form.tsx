import { formatDay, todayInChina } from '@domain/dates';
import type { Problem } from '@domain/event-types';
import type { Standard } from '@domain/inspection/standard';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PremiseFile } from '../api';
import { fill, problemName } from '../i18n/translate';
import { useLang } from '../i18n/use-messages';
import { checkStep, defaultDeadline, type StepGap } from '../lib/field-step';
import { newClientId } from '../outbox/client-id';
import type { Outbox } from '../outbox/outbox';
import type { OutboxItem, OutboxPhoto } from '../outbox/outbox-item';
import { useSession } from '../session';
import { Checklist } from './checklist';
import { useFieldText } from './field-i18n';
import { fieldPremiseQuery, standardsQuery } from './field-queries';
import { type FieldStep, useFieldRoute } from './field-route';
import { PhotoPicker } from './photo-picker';

/** An inspection or a re-inspection of a premise, kept in the outbox (and sent at once when the network allows). */
export function StepForm({ premiseId, kind, box }: { premiseId: number; kind: FieldStep; box: Outbox }) {
  const t = useFieldText();
  const go = useFieldRoute((s) => s.go);
  const file = useQuery(fieldPremiseQuery(premiseId));
  const standards = useQuery(standardsQuery);
  const standard = standards.data?.find((s) => s.category === file.data?.category) as Standard | undefined;
  const back = (
    <button type="button" className="field-back" onClick={() => go({ step: null })}>
      ‹ {t.back}
    </button>
  );
  if (!file.data || !standard) {
    return (
      <section>
        {back}
        <p className="field-note">
          {file.data && (standards.isError || standards.data)
            ? t.noStandard
            : file.isError
              ? t.notCached
              : '…'}
        </p>
      </section>
    );
  }
  return (
    <section className="field-step" data-testid="field-step-form">
      {back}
      <StepFields file={file.data} standard={standard} kind={kind} box={box} />
    </section>
  );
}

function StepFields({
  file,
  standard,
  kind,
  box,
}: {
  file: PremiseFile;
  standard: Standard;
  kind: FieldStep;
  box: Outbox;
}) {
  const t = useFieldText();
  const lang = useLang();
  const go = useFieldRoute((s) => s.go);
  const username = useSession((s) => (s.state === 'signed-in' ? s.me.username : ''));
  // made once when the form opens: a double tap or a resend is the same record to the server
  const [clientId] = useState(newClientId);
  // the newest record the phone knew of: the outbox checks for others' records since before sending
  const [basedOnEventId] = useState(() => Math.max(0, ...file.events.map((e) => e.id)) || null);
  const today = formatDay(todayInChina());
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [extra, setExtra] = useState<Problem[]>([]);
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState(defaultDeadline(today));
  const [responsible, setResponsible] = useState(file.operator ?? '');
  const [photos, setPhotos] = useState<OutboxPhoto[]>([]);
  const [shownGaps, setShownGaps] = useState<StepGap[]>([]);
  const [saved, setSaved] = useState<OutboxItem | null>(null);
  const [saving, setSaving] = useState(false);

  const form = { kind, date: today, answers, extraProblems: extra, note, deadline, responsible };
  const check = checkStep(form, standard);

  if (saved) {
    const text = {
      pending: t.keptOffline,
      synced: t.sentOk,
      conflict: t.heldConflict,
      failed: t.heldRefused,
    }[saved.state];
    return (
      <div
        className="field-card field-saved"
        data-testid="field-saved"
        data-state={saved.state}
        role="status"
      >
        <p>{text}</p>
        <button type="button" className="field-wide" onClick={() => go({ step: null })}>
          {t.back}
        </button>
      </div>
    );
  }

  const save = async () => {
    if (!check.ok) {
      setShownGaps(check.gaps);
      return;
    }
    setSaving(true);
    try {
      const item = await box.submit({
        clientId,
        username,
        premiseName: file.name,
        work: { ...check.work, premiseId: file.id, basedOnEventId, photos },
      });
      setSaved(item);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <h2>{fill(kind === 'inspection' ? t.inspectionTitle : t.reinspectionTitle, { name: file.name })}</h2>
      <p className="field-row-sub">
        {today} · {fill(t.standardVersion, { v: standard.version })}
      </p>
      <Checklist
        items={standard.items}
        answers={answers}
        onAnswers={setAnswers}
        extra={extra}
        onExtra={setExtra}
      />
      <p
        className={check.problems.length > 0 ? 'field-verdict bad' : 'field-verdict'}
        data-testid="field-verdict"
      >
        {check.problems.length > 0
          ? fill(t.problemsFound, { list: check.problems.map((p) => problemName(p, lang)).join('、') })
          : t.nothingFound}
        {kind === 'reinspection' && ` · ${check.problems.length > 0 ? t.reinspectFails : t.reinspectPasses}`}
      </p>
      {check.problems.length > 0 && (
        <fieldset className="field-card field-order">
          <legend>{t.order}</legend>
          <label className="field-entry">
            {t.orderDeadline}
            <input
              type="date"
              value={deadline}
              min={today}
              data-testid="field-deadline"
              onChange={(e) => setDeadline(e.target.value)}
            />
          </label>
          <label className="field-entry">
            {t.orderResponsible}
            <input
              value={responsible}
              data-testid="field-responsible"
              onChange={(e) => setResponsible(e.target.value)}
            />
          </label>
        </fieldset>
      )}
      <label className="field-entry">
        {t.note}
        <textarea
          rows={3}
          value={note}
          placeholder={t.notePlaceholder}
          data-testid="field-note"
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <PhotoPicker photos={photos} onPhotos={setPhotos} />
      {shownGaps.length > 0 && !check.ok && (
        <ul className="field-gaps" role="alert">
          {check.gaps.map((g) => (
            <li key={g}>{t[`gap_${g}`]}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="field-wide field-save"
        data-testid="field-save"
        disabled={saving}
        onClick={() => void save()}
      >
        {t.save}
      </button>
    </>
  );
}
