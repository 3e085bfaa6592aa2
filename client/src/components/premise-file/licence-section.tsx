import { categoryByCode } from '@domain/categories';
import { formatDay, todayInChina } from '@domain/dates';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { addLicence, endLicence, type NewLicence, type PremiseFile } from '../../api';
import { licenceName } from '../../i18n/translate';
import { useLang } from '../../i18n/use-messages';
import { useOfficeError, useOfficeText } from '../../office/office-i18n';
import { premiseWritten } from '../../writes';

type LicenceCode = NewLicence['licence'];

/** The licences held, each with "注销" (ended on a date), and a form to add one the trade needs. */
export function LicenceSection({ file, editable }: { file: PremiseFile; editable: boolean }) {
  const t = useOfficeText();
  const lang = useLang();
  const errorText = useOfficeError();
  const qc = useQueryClient();
  const today = formatDay(todayInChina());
  const codes = (categoryByCode(file.category)?.licences ?? []) as LicenceCode[];
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({
    licence: codes[0] as LicenceCode,
    licenceNo: '',
    validFrom: today,
    validTo: '',
  });
  const [ending, setEnding] = useState<{ licence: LicenceCode; date: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (write: () => Promise<unknown>) => {
    setError(null);
    try {
      await write();
      await premiseWritten(qc, file.id);
      setAdding(false);
      setEnding(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section data-testid="licence-section">
      <h3>{t.licences}</h3>
      {file.licences.length === 0 && <p className="muted">{t.none}</p>}
      <ul className="licence-list">
        {file.licences.map((l) => (
          <li key={`${l.licence}-${l.from}`} data-testid={`licence-${l.licence}`}>
            <strong>{licenceName(l.licence, lang)}</strong>
            {l.licenceNo && <span className="muted"> {l.licenceNo}</span>}
            <div className="muted">
              {l.from} — {l.to ?? '长期'}
            </div>
            {editable && ending?.licence !== l.licence && (
              <button
                type="button"
                className="link-button"
                onClick={() => setEnding({ licence: l.licence as LicenceCode, date: today })}
              >
                {t.endLicence}
              </button>
            )}
            {ending?.licence === l.licence && (
              <div className="inline-form">
                <label>
                  <span>{t.endOn}</span>
                  <input
                    type="date"
                    value={ending.date}
                    onChange={(e) => setEnding({ ...ending, date: e.target.value })}
                  />
                </label>
                <button
                  type="button"
                  className="primary"
                  onClick={() => run(() => endLicence(file.id, ending.licence, ending.date))}
                >
                  {t.endLicence}
                </button>
                <button type="button" onClick={() => setEnding(null)}>
                  {t.cancel}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {editable && codes.length > 0 && !adding && (
        <button type="button" data-testid="licence-add" onClick={() => setAdding(true)}>
          {t.addLicence}
        </button>
      )}
      {adding && (
        <form
          className="office-form"
          onSubmit={(e) => {
            e.preventDefault();
            const body: NewLicence = {
              licence: form.licence as LicenceCode,
              licenceNo: form.licenceNo,
              validFrom: form.validFrom,
              ...(form.validTo ? { validTo: form.validTo } : {}),
            };
            void run(() => addLicence(file.id, body));
          }}
        >
          <label>
            <span>{t.licenceType}</span>
            <select
              value={form.licence}
              onChange={(e) => setForm({ ...form, licence: e.target.value as LicenceCode })}
            >
              {codes.map((c) => (
                <option key={c} value={c}>
                  {licenceName(c, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t.licenceNo}</span>
            <input
              data-testid="licence-no"
              value={form.licenceNo}
              onChange={(e) => setForm({ ...form, licenceNo: e.target.value })}
            />
          </label>
          <label>
            <span>{t.validFrom}</span>
            <input
              type="date"
              value={form.validFrom}
              onChange={(e) => setForm({ ...form, validFrom: e.target.value })}
            />
          </label>
          <label>
            <span>{t.validTo}</span>
            <input
              type="date"
              value={form.validTo}
              onChange={(e) => setForm({ ...form, validTo: e.target.value })}
            />
          </label>
          <div className="form-actions">
            <button type="submit" className="primary">
              {t.save}
            </button>
            <button type="button" onClick={() => setAdding(false)}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
