import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { editPremise, errorText, type PremiseFile } from '../api';
import { fill } from '../i18n/translate';
import { useLang } from '../i18n/use-messages';
import { queryKeys } from '../queries';
import { premiseWritten } from '../writes';
import { useFieldText } from './field-i18n';
import { contactChange, editFailure, pinChange, type QuickChange } from './quick-edit-logic';
import { currentLngLat } from './use-position';

/**
 * The edits a person in the field makes on the spot: the phone number, the notes, and the pin moved
 * to where they stand. Sent at once (an edit needs the file as it stands, so not kept offline);
 * someone else's change meanwhile is shown and the edit asked again, never written over.
 */
export function QuickEdit({ file }: { file: PremiseFile }) {
  const t = useFieldText();
  const lang = useLang();
  const qc = useQueryClient();
  const [phone, setPhone] = useState(file.phone ?? '');
  const [notes, setNotes] = useState(file.notes ?? '');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (change: QuickChange | null, done: string) => {
    if (!change) {
      setMessage({ text: t.nothingChanged, error: false });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const saved = await editPremise(file.id, { ...change, baseUpdatedAt: file.updatedAt });
      qc.setQueryData(queryKeys.premise(file.id), saved);
      void premiseWritten(qc, file.id);
      setMessage({ text: done, error: false });
    } catch (err) {
      const failure = editFailure(err);
      if (failure.kind === 'conflict') {
        const current = failure.current;
        if (current) {
          qc.setQueryData(queryKeys.premise(file.id), current);
          setPhone(current.phone ?? '');
          setNotes(current.notes ?? '');
        }
        setMessage({ text: t.editConflict, error: true });
      } else if (failure.kind === 'offline') setMessage({ text: t.editOffline, error: true });
      else setMessage({ text: errorText(err, lang), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="field-card field-quick" data-testid="field-quick-edit">
      <summary>{t.quickEdits}</summary>
      <label className="field-entry">
        {t.editPhone}
        <input
          type="tel"
          data-testid="field-edit-phone"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
      </label>
      <label className="field-entry">
        {t.editNotes}
        <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <button
        type="button"
        className="field-wide"
        disabled={busy}
        data-testid="field-edit-save"
        onClick={() => void send(contactChange(file, { phone, notes }), t.editSaved)}
      >
        {t.save}
      </button>
      <button
        type="button"
        className="field-wide secondary"
        disabled={busy}
        data-testid="field-pin-here"
        onClick={() =>
          // a new fix: the one the nearby list used may be from a few steps away
          void currentLngLat(0).then(
            (here) => {
              const pin = pinChange(file, here);
              return send(pin.change, fill(t.pinHereDone, { n: pin.meters }));
            },
            (err: Error) => setMessage({ text: err.message, error: true }),
          )
        }
      >
        {t.pinHere}
      </button>
      {message && (
        <p
          className={message.error ? 'field-note field-error' : 'field-note'}
          role="status"
          data-testid="field-edit-message"
        >
          {message.text}
        </p>
      )}
    </details>
  );
}
