import { CATEGORIES, type CategoryCode } from '@domain/categories';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createPremise, type NewPremise } from '../../api';
import { categoryName } from '../../i18n/translate';
import { useLang } from '../../i18n/use-messages';
import type { LngLat } from '../../map/pin-placement';
import { fill, useOfficeError, useOfficeText } from '../../office/office-i18n';
import { useOffice } from '../../office/office-store';
import { useStore } from '../../store';
import { premiseWritten } from '../../writes';

/**
 * 新建经营户: a new file, placed where the map is clicked (the pin can be dragged) or, with no pin,
 * where the server geocodes its address. The new file opens in the drawer.
 */
export default function NewPremiseTab() {
  const t = useOfficeText();
  const lang = useLang();
  const errorText = useOfficeError();
  const qc = useQueryClient();
  const setPin = useOffice((s) => s.setPin);
  const setPremise = useStore((s) => s.setPremise);
  const [form, setForm] = useState({
    name: '',
    category: CATEGORIES[0].code as string,
    address: '',
    operator: '',
    phone: '',
  });
  const [picking, setPicking] = useState(false);
  const [lngLat, setLngLat] = useState<LngLat | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the pin starts where it was when picking began; placements then move it themselves
  useEffect(() => {
    if (!picking) return;
    setPin({ start: lngLat, onPlace: setLngLat });
    return () => setPin(null);
  }, [picking, setPin]);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async () => {
    setError(null);
    setDone(null);
    const body: NewPremise = {
      name: form.name,
      category: form.category as CategoryCode,
      address: form.address,
      ...(form.operator ? { operator: form.operator } : {}),
      ...(form.phone ? { phone: form.phone } : {}),
      ...(lngLat ? { lngLat } : {}),
    };
    try {
      const created = await createPremise(body);
      await premiseWritten(qc, created.id);
      setPicking(false);
      setLngLat(null);
      setDone(fill(t.createdAt, { archive: created.archiveNo, method: created.placement.method }));
      setPremise(created.id);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form
      className="office-form"
      data-testid="new-premise"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        <span>{t.name}</span>
        <input data-testid="new-name" value={form.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label>
        <span>{t.category}</span>
        <select value={form.category} onChange={(e) => set({ category: e.target.value })}>
          {CATEGORIES.map((c) => (
            <option key={c.code} value={c.code}>
              {categoryName(c.code, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t.address}</span>
        <input
          data-testid="new-address"
          value={form.address}
          onChange={(e) => set({ address: e.target.value })}
        />
      </label>
      <label>
        <span>{t.operator}</span>
        <input value={form.operator} onChange={(e) => set({ operator: e.target.value })} />
      </label>
      <label>
        <span>{t.phone}</span>
        <input value={form.phone} onChange={(e) => set({ phone: e.target.value })} />
      </label>
      <div className="pin-mover">
        <button type="button" aria-pressed={picking} onClick={() => setPicking(!picking)}>
          {t.clickMap}
        </button>
        <span className="muted">
          {' '}
          {lngLat ? fill(t.pinPicked, { lng: lngLat[0].toFixed(5), lat: lngLat[1].toFixed(5) }) : t.orAddress}
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && <p className="notice">{done}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="new-create">
          {t.create}
        </button>
      </div>
    </form>
  );
}
