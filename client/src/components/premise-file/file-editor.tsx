import { CATEGORIES } from '@domain/categories';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiRequestError, editPremise, type PremiseEdit, type PremiseFile } from '../../api';
import { categoryName } from '../../i18n/translate';
import { useLang } from '../../i18n/use-messages';
import {
  type Choice,
  type ConflictRow,
  changesOf,
  conflictRows,
  defaultChoice,
  draftOf,
  type EditDraft,
  type EditField,
  type FieldChanges,
  isMasked,
  type PremiseFields,
  resolvedChanges,
} from '../../lib/premise-edit';
import { useOfficeError, useOfficeText } from '../../office/office-i18n';
import { premiseWritten } from '../../writes';

const TEXT_FIELDS = ['name', 'operator', 'phone', 'idNumber', 'address', 'notes'] as const;

/** Someone else's version met on saving: the rows that differ, and the file as it now stands. */
interface Conflict {
  rows: ConflictRow[];
  current: PremiseFile;
}

/**
 * The file's particulars as a form. A masked phone or ID number starts empty, and empty means
 * "leave it as it is". Saving sends only what changed, against the version it started from; if
 * someone else saved meanwhile, the differing fields are shown side by side to choose from.
 */
export function FileEditor({ file, onDone }: { file: PremiseFile; onDone(): void }) {
  const t = useOfficeText();
  const lang = useLang();
  const errorText = useOfficeError();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<EditDraft>(() => draftOf(file));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [choices, setChoices] = useState<Partial<Record<EditField, Choice>>>({});

  const send = async (base: PremiseFile, changes: FieldChanges) => {
    if (Object.keys(changes).length === 0) {
      setError(t.noChanges);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await editPremise(file.id, {
        ...(changes as Omit<PremiseEdit, 'baseUpdatedAt'>),
        baseUpdatedAt: base.updatedAt,
      });
      await premiseWritten(qc, file.id);
      onDone();
    } catch (e) {
      const theirs =
        e instanceof ApiRequestError && e.status === 409
          ? (e.details as { current?: PremiseFile } | undefined)?.current
          : undefined;
      if (theirs) {
        setConflict({ rows: conflictRows(file, changes, theirs), current: theirs });
        setError(t.conflict);
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const set = (field: keyof EditDraft, value: string | boolean) =>
    setDraft((d) => ({ ...d, [field]: value }));
  return (
    <form
      className="office-form"
      data-testid="premise-edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (conflict) void send(conflict.current, resolvedChanges(conflict.rows, choices));
        else void send(file, changesOf(file, draft));
      }}
    >
      {TEXT_FIELDS.map((field) => {
        const value = (file as PremiseFields)[field];
        const placeholder = isMasked(value) ? `${value}（${t.maskedKeep}）` : undefined;
        if (field === 'notes')
          return (
            <label key={field}>
              <span>{t[field]}</span>
              <textarea
                data-testid={`edit-${field}`}
                value={draft[field]}
                onChange={(e) => set(field, e.target.value)}
              />
            </label>
          );
        return (
          <label key={field}>
            <span>{t[field]}</span>
            <input
              data-testid={`edit-${field}`}
              value={draft[field]}
              placeholder={placeholder}
              onChange={(e) => set(field, e.target.value)}
            />
          </label>
        );
      })}
      <label>
        <span>{t.category}</span>
        <select
          data-testid="edit-category"
          value={draft.category}
          onChange={(e) => set('category', e.target.value)}
        >
          {CATEGORIES.map((c) => (
            <option key={c.code} value={c.code}>
              {categoryName(c.code, lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.keyObject}
          onChange={(e) => set('keyObject', e.target.checked)}
        />
        <span>{t.keyObject}</span>
      </label>
      {conflict && (
        <table className="conflict-table" data-testid="edit-conflict">
          <tbody>
            {conflict.rows.map((row) => (
              <tr key={row.field}>
                <th>{t[row.field]}</th>
                {(['theirs', 'mine'] as const).map((side) => (
                  <td key={side}>
                    <label className="check">
                      <input
                        type="radio"
                        name={`conflict-${row.field}`}
                        checked={(choices[row.field] ?? defaultChoice(row)) === side}
                        onChange={() => setChoices((c) => ({ ...c, [row.field]: side }))}
                      />
                      <span>{String(row[side] ?? '—')}</span>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="edit-save" disabled={busy}>
          {busy ? t.saving : t.save}
        </button>
        <button type="button" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
