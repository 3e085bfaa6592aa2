import { useState } from 'react';
import { type CampaignInfo, type CampaignSetupInput, putCampaign } from '../api';
import { useSetupMessages } from './setup-i18n';

type Goal = NonNullable<CampaignSetupInput['goals']>[number];

const names = (text: string) =>
  text
    .split(/[,，、\s]+/u)
    .map((n) => n.trim())
    .filter(Boolean);

/** The form's fields as text, from the campaign on record (or the set-up's defaults). */
function initialFields(c: CampaignInfo, configured: boolean) {
  return {
    province: c.province,
    city: c.city,
    district: c.district,
    districtCode: c.districtCode,
    districtOtherNames: c.districtOtherNames.join('，'),
    township: configured ? c.township : '',
    townshipCode: c.townshipCode,
    townshipEn: c.townshipEn === 'Not set up' ? '' : c.townshipEn,
    townshipOtherNames: c.townshipOtherNames.join('，'),
    name: c.name,
    start: c.start,
    end: c.end,
  };
}

type Fields = ReturnType<typeof initialFields>;

/**
 * The township and its campaign: where it is (with the other names its lists use), the campaign's
 * name and dates, the plan's goals per year. Saves with PUT /api/campaign; the server checks it and
 * the message names the field.
 */
export function CampaignForm({
  campaign,
  onSaved,
}: {
  campaign: CampaignInfo;
  onSaved(campaign: CampaignInfo): void;
}) {
  const t = useSetupMessages();
  const [fields, setFields] = useState<Fields>(() => initialFields(campaign, campaign.configured));
  const [goals, setGoals] = useState<Goal[]>(() => campaign.goals.map((g) => ({ ...g })));
  const [state, setState] = useState<{ busy: boolean; error: string | null; saved: boolean }>({
    busy: false,
    error: null,
    saved: false,
  });
  const set = (key: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    setFields((f) => {
      const next = { ...f, [key]: value };
      // A new start moves the three-year end and the goals' years with it, until someone changes them.
      if (key === 'start' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        const shift = Number(value.slice(0, 4)) - Number(f.start.slice(0, 4));
        if (shift !== 0) {
          next.end = `${Number(f.end.slice(0, 4)) + shift}${f.end.slice(4)}`;
          setGoals((gs) =>
            gs.map((g) => ({ ...g, year: g.year + shift, due: `${g.year + shift}${g.due.slice(4)}` })),
          );
        }
      }
      return next;
    });
    setState((s) => ({ ...s, saved: false }));
  };
  const setGoal = (i: number, patch: Partial<Goal>) =>
    setGoals((gs) => gs.map((g, k) => (k === i ? { ...g, ...patch } : g)));

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setState({ busy: true, error: null, saved: false });
    try {
      const saved = await putCampaign({
        ...fields,
        districtOtherNames: names(fields.districtOtherNames),
        townshipOtherNames: names(fields.townshipOtherNames),
        goals,
      });
      setState({ busy: false, error: null, saved: true });
      onSaved(saved);
    } catch (err) {
      setState({ busy: false, error: (err as Error).message, saved: false });
    }
  };

  const input = (
    key: keyof Fields,
    label: string,
    opts: { hint?: string; type?: string; required?: boolean } = {},
  ) => (
    <label className="setup-field">
      <span>
        {label}
        {opts.required && <b className="setup-required"> *</b>}
      </span>
      <input
        type={opts.type ?? 'text'}
        value={fields[key]}
        onChange={set(key)}
        required={opts.required}
        placeholder={opts.hint}
        data-testid={`setup-${key}`}
      />
    </label>
  );

  return (
    <form className="setup-form" onSubmit={save} data-testid="campaign-form">
      <fieldset>
        <legend>{t.sectionPlace}</legend>
        <div className="setup-grid">
          {input('province', t.province, { hint: '浙江省' })}
          {input('city', t.city, { hint: '杭州市' })}
          {input('district', t.district, { hint: '钱塘区' })}
          {input('districtCode', t.districtCode, { hint: '330114' })}
          {input('districtOtherNames', t.districtOtherNames, { hint: t.otherNamesHint })}
          {input('township', t.township, { hint: '石塘镇', required: true })}
          {input('townshipCode', t.townshipCode, { hint: '330114104000' })}
          {input('townshipOtherNames', t.townshipOtherNames, { hint: t.otherNamesHint })}
          {input('townshipEn', t.townshipEn, { hint: 'Shitang' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.sectionCampaign}</legend>
        <div className="setup-grid">
          {input('name', t.campaignName, { required: true })}
          {input('start', t.start, { type: 'date', required: true })}
          {input('end', t.end, { type: 'date', hint: t.endHint })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.sectionGoals}</legend>
        <table className="setup-goals">
          <thead>
            <tr>
              <th>{t.goalYear}</th>
              <th>{t.goalTarget}</th>
              <th>{t.goalTitle}</th>
              <th>{t.goalLines}</th>
            </tr>
          </thead>
          <tbody>
            {goals.map((g, i) => (
              <tr key={g.year}>
                <td>
                  {g.year}
                  <br />
                  <small>{g.due}</small>
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={100}
                    value={Math.round(g.targetProgress * 100)}
                    onChange={(e) => setGoal(i, { targetProgress: Number(e.target.value) / 100 })}
                    data-testid={`setup-goal-target-${i}`}
                  />
                </td>
                <td>
                  <input value={g.title} onChange={(e) => setGoal(i, { title: e.target.value })} />
                </td>
                <td>
                  <textarea
                    rows={3}
                    value={(g.goals ?? []).join('\n')}
                    onChange={(e) =>
                      setGoal(i, { goals: e.target.value.split('\n').filter((l) => l.trim()) })
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      {state.error && (
        <p className="data-error" role="alert" data-testid="setup-error">
          {t.saveFailed}: {state.error}
        </p>
      )}
      <div className="data-actions">
        <button type="submit" className="data-button" disabled={state.busy} data-testid="setup-save">
          {t.save}
        </button>
        {state.saved && <span className="data-ok">{t.saved}</span>}
      </div>
    </form>
  );
}
