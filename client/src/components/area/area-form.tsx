import type { Polygonal } from '@domain/areas/point-in-polygon';
import { type FormEvent, useState } from 'react';
import type { AreaFieldsInput, SavedArea } from '../../api';
import { useMessages } from '../../i18n/use-messages';
import type { MessageKey } from '../../i18n/zh';
import { useDrawCommands } from '../../map/draw/use-draw-commands';
import { useAreaWrites } from '../../saved-areas';
import { useStore } from '../../store';

const REASONS = ['concentration', 'unlicensed_hotspot', 'other'] as const;
type Fields = Omit<AreaFieldsInput, 'geometry'>;
const BLANK: Fields = { name: '', reason: 'concentration', note: '', activeFrom: null, activeTo: null };

/** Name, reason, note and active period of a key area; saves a drawn shape as a new area, or an area's changes. */
export function AreaForm({
  area,
  geometry,
  shapeEdited,
}: {
  area: SavedArea | null;
  geometry: Polygonal;
  shapeEdited: boolean;
}) {
  const t = useMessages();
  const commands = useDrawCommands();
  const setArea = useStore((s) => s.setArea);
  const { create, update } = useAreaWrites();
  const [fields, setFields] = useState<Fields>(() => (area ? pick(area) : BLANK));
  const [state, setState] = useState<{ saving: boolean; error: string | null; saved: boolean }>({
    saving: false,
    error: null,
    saved: false,
  });
  const set = (patch: Partial<Fields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setState((s) => ({ ...s, saved: false }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!fields.name.trim()) return setState({ saving: false, error: t.nameRequired, saved: false });
    setState({ saving: true, error: null, saved: false });
    try {
      if (area === null) {
        const created = await create({ ...fields, geometry });
        commands.finish();
        setArea(created.id);
      } else {
        await update({ id: area.id, fields: { ...fields, ...(shapeEdited ? { geometry } : {}) } });
        if (shapeEdited) commands.finish();
      }
      setState({ saving: false, error: null, saved: true });
    } catch (err) {
      setState({ saving: false, error: err instanceof Error ? err.message : String(err), saved: false });
    }
  };

  const dirty = area === null || shapeEdited || JSON.stringify(pick(area)) !== JSON.stringify(fields);
  return (
    <form className="area-form" onSubmit={submit}>
      <h3>{area ? t.areaFields : t.saveAsKeyArea}</h3>
      <label className="field">
        <span className="field-label">{t.areaName}</span>
        <input
          data-testid="area-name"
          value={fields.name}
          maxLength={100}
          onChange={(e) => set({ name: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field-label">{t.areaReason}</span>
        <select
          data-testid="area-reason"
          value={fields.reason}
          onChange={(e) => set({ reason: e.target.value as Fields['reason'] })}
        >
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t[`reason_${r}` as MessageKey]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t.areaNote}</span>
        <textarea
          rows={2}
          value={fields.note}
          maxLength={2000}
          onChange={(e) => set({ note: e.target.value })}
        />
      </label>
      <fieldset className="field area-period">
        <legend className="field-label">{t.activePeriod}</legend>
        <input
          type="date"
          aria-label={t.activePeriod}
          value={fields.activeFrom ?? ''}
          onChange={(e) => set({ activeFrom: e.target.value || null })}
        />
        <span>{t.periodTo}</span>
        <input
          type="date"
          aria-label={`${t.activePeriod} ${t.periodTo}`}
          value={fields.activeTo ?? ''}
          onChange={(e) => set({ activeTo: e.target.value || null })}
        />
      </fieldset>
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="area-save" disabled={state.saving || !dirty}>
          {state.saving ? t.saving : area ? t.saveChanges : t.save}
        </button>
        {state.saved && !dirty && <span className="muted">{t.saved}</span>}
      </div>
    </form>
  );
}

function pick(a: SavedArea): Fields {
  return { name: a.name, reason: a.reason, note: a.note, activeFrom: a.activeFrom, activeTo: a.activeTo };
}
