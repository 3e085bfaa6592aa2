import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SetupStatus } from '../api';
import { useCampaignData } from '../campaign-data';
import { BoundaryImport } from '../data-admin/boundary-import';
import { fill } from '../data-admin/data-i18n';
import { GazetteerImport } from '../data-admin/gazetteer-import';
import { ImportWizard } from '../data-admin/import-wizard';
import { setupQuery } from '../queries';
import { useStore } from '../store';
import { campaignSaved } from '../writes';
import { CampaignForm } from './campaign-form';
import { type SetupMessages, useSetupMessages } from './setup-i18n';

const STEPS = ['campaign', 'boundaries', 'gazetteer', 'premises', 'done'] as const;
type Step = (typeof STEPS)[number];

/** Which steps are done, by what the record holds. */
function doneSteps(s: SetupStatus): Record<Step, boolean> {
  const done = {
    campaign: s.configured,
    boundaries: s.villages > 0,
    gazetteer: s.addressPoints > 0,
    premises: s.premises > 0,
    done: false,
  };
  done.done = done.campaign && done.boundaries && done.premises;
  return done;
}

function firstOpen(s: SetupStatus): Step {
  const done = doneSteps(s);
  return STEPS.find((k) => !done[k] && k !== 'gazetteer') ?? 'done';
}

function stepNote(step: Step, s: SetupStatus, t: SetupMessages): string {
  if (step === 'boundaries') return fill(t.villagesOnRecord, { n: s.villages });
  if (step === 'gazetteer') return fill(t.platesOnRecord, { n: s.addressPoints });
  if (step === 'premises') return fill(t.premisesOnRecord, { n: s.premises });
  return '';
}

/**
 * The township's set-up, as a guided flow through what exists: name the township and its
 * campaign, import the village boundaries, the door plates (optional) and the survey lists. A
 * record that is not set up opens here; the office comes back to revise it.
 */
export function SetupPanel({ onReview }: { onReview(): void }) {
  const t = useSetupMessages();
  const { campaign } = useCampaignData();
  const qc = useQueryClient();
  // Every write of the steps below (the set-up, boundaries, plates, premises) invalidates it.
  const { data: status } = useQuery(setupQuery);
  const [step, setStep] = useState<Step | null>(null);
  // Opens on the first open step as the record first answered; later answers do not move it.
  if (status && step === null) setStep(firstOpen(status));

  if (!status || !step) return <p className="data-note">…</p>;
  const done = doneSteps(status);
  const next = () => setStep(STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]);
  return (
    <div className="setup" data-testid="setup-panel">
      <p className="data-note">{t.intro}</p>
      <ol className="setup-steps">
        {STEPS.map((key, i) => (
          <li key={key} className={[key === step ? 'current' : '', done[key] ? 'done' : ''].join(' ')}>
            <button type="button" onClick={() => setStep(key)} data-testid={`setup-step-${key}`}>
              <span className="setup-step-no">{done[key] ? '✓' : i + 1}</span>
              {t[`step_${key}`]}
              {key === 'gazetteer' && <small>{t.optional}</small>}
            </button>
          </li>
        ))}
      </ol>
      {stepNote(step, status, t) && <p className="data-note">{stepNote(step, status, t)}</p>}
      {step === 'campaign' && (
        <CampaignForm
          campaign={campaign}
          onSaved={(saved) => {
            void campaignSaved(qc, campaign, saved);
            next();
          }}
        />
      )}
      {step === 'boundaries' && (
        <>
          <p className="data-note">{t.boundariesHint}</p>
          <BoundaryImport />
        </>
      )}
      {step === 'gazetteer' && (
        <>
          <p className="data-note">{t.gazetteerHint}</p>
          <GazetteerImport />
        </>
      )}
      {step === 'premises' && (
        <>
          <p className="data-note">{t.premisesHint}</p>
          <ImportWizard onReview={onReview} />
        </>
      )}
      {step === 'done' && (
        <div className={done.done ? 'data-ok' : 'data-warn'} data-testid="setup-done">
          {done.done
            ? t.doneText
            : STEPS.filter((k) => k !== 'done' && k !== 'gazetteer' && !done[k])
                .map((k) => t[`step_${k}`])
                .join('、')}
        </div>
      )}
      <div className="data-actions">
        {step !== 'done' && (
          <button type="button" className="data-button secondary" onClick={next} data-testid="setup-next">
            {step === 'gazetteer' && !done.gazetteer ? t.skip : t.next}
          </button>
        )}
        {done.done && (
          <button
            type="button"
            className="data-button"
            onClick={() => useStore.getState().setPanel(null)}
            data-testid="setup-to-map"
          >
            {t.toMap}
          </button>
        )}
      </div>
    </div>
  );
}
