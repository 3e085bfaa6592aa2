import { CATEGORIES, type CategoryCode } from '@domain/categories';
import { formatDay, todayInChina } from '@domain/dates';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type DrawCheck, type NewDraw, runDraw, verifyDraw } from '../api';
import { useCampaignData } from '../campaign-data';
import { categoryName } from '../i18n/translate';
import { useLang } from '../i18n/use-messages';
import { fill, useOfficeError, useOfficeText } from '../office/office-i18n';
import { drawsQuery } from '../queries';
import { useCan } from '../session';
import { drawMade } from '../writes';

/**
 * 双随机: premises drawn at random from a filter (village, trade, status on a date), a team drawn at
 * random from a pool of inspectors for each, a task each. The seed is shown and kept; any saved draw
 * can be re-run ("复核") to see that it comes out the same.
 */
export default function DrawTab({ at }: { at: string }) {
  const t = useOfficeText();
  const lang = useLang();
  const errorText = useOfficeError();
  const qc = useQueryClient();
  const { villages } = useCampaignData();
  const draws = useQuery(drawsQuery);
  const mayRun = useCan('draw.run');
  const [form, setForm] = useState({
    village: '',
    category: '',
    at,
    premises: '5',
    pool: '',
    perTeam: '2',
    due: formatDay(todayInChina() + 14),
    seed: '',
  });
  const [result, setResult] = useState<string | null>(null);
  const [checks, setChecks] = useState<Record<number, DrawCheck>>({});
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async () => {
    setError(null);
    setResult(null);
    const body: NewDraw = {
      filter: {
        at: form.at,
        ...(form.village ? { villages: [Number(form.village)] } : {}),
        ...(form.category ? { categories: [form.category as CategoryCode] } : {}),
      },
      premises: Number(form.premises),
      pool: form.pool
        .split(/[,，\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      perTeam: Number(form.perTeam),
      due: form.due,
      ...(form.seed ? { seed: form.seed } : {}),
    };
    try {
      const d = await runDraw(body);
      setResult(fill(t.drawn, { id: d.id, n: d.picks.length, c: d.candidateCount, seed: d.seed }));
      await drawMade(qc);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const verify = async (id: number) => {
    try {
      const check = await verifyDraw(id);
      setChecks((c) => ({ ...c, [id]: check }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="draws" data-testid="draws">
      <p className="muted">{t.drawTitle}</p>
      {mayRun && (
        <form
          className="office-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <fieldset>
            <legend>{t.drawFilter}</legend>
            <label>
              <span>{t.filterVillage}</span>
              <select value={form.village} onChange={(e) => set({ village: e.target.value })}>
                <option value="">{t.all}</option>
                {villages.features.map((v) => (
                  <option key={v.properties.id} value={String(v.properties.id)}>
                    {v.properties.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t.filterCategory}</span>
              <select value={form.category} onChange={(e) => set({ category: e.target.value })}>
                <option value="">{t.all}</option>
                {CATEGORIES.map((c) => (
                  <option key={c.code} value={c.code}>
                    {categoryName(c.code, lang)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t.drawAt}</span>
              <input type="date" value={form.at} onChange={(e) => set({ at: e.target.value })} />
            </label>
          </fieldset>
          <label>
            <span>{t.drawCount}</span>
            <input
              type="number"
              min={1}
              value={form.premises}
              onChange={(e) => set({ premises: e.target.value })}
            />
          </label>
          <label>
            <span>{t.drawPool}</span>
            <input
              data-testid="draw-pool"
              value={form.pool}
              onChange={(e) => set({ pool: e.target.value })}
            />
          </label>
          <label>
            <span>{t.perTeam}</span>
            <input
              type="number"
              min={1}
              max={10}
              value={form.perTeam}
              onChange={(e) => set({ perTeam: e.target.value })}
            />
          </label>
          <label>
            <span>{t.due}</span>
            <input type="date" value={form.due} onChange={(e) => set({ due: e.target.value })} />
          </label>
          <label>
            <span>{t.seed}</span>
            <input value={form.seed} onChange={(e) => set({ seed: e.target.value })} />
          </label>
          <div className="form-actions">
            <button type="submit" className="primary" data-testid="draw-run">
              {t.runDraw}
            </button>
          </div>
        </form>
      )}
      {result && (
        <p className="notice" data-testid="draw-result">
          {result}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h3>{t.savedDraws}</h3>
      <ol className="work-items">
        {draws.data?.map((d) => (
          <li key={d.id} data-testid="draw-item">
            <div>
              #{d.id} · {d.drawnAt.slice(0, 10)} · {d.drawnBy} · {d.premises}/{d.candidateCount} · {t.due}{' '}
              {d.due}
            </div>
            <button type="button" onClick={() => verify(d.id)}>
              {t.verify}
            </button>
            {checks[d.id] && (
              <span className={checks[d.id].same && checks[d.id].tasksMatch ? 'ok' : 'error'}>
                {' '}
                {checks[d.id].same && checks[d.id].tasksMatch ? t.verifyOk : t.verifyBad} ({checks[d.id].seed}
                )
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
