import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type AccountabilityAnswer, errorText } from '../api';
import { accountabilityQuery } from '../queries';
import { useCan } from '../session';
import { useStore } from '../store';
import { useAcceptanceText } from './acceptance-i18n';

type Item = AccountabilityAnswer['items'][number];

/** The server writes the detail in Chinese; the English page says it from the item's fields. */
function detailEn(i: Item): string {
  if (i.order)
    return `Ordered ${i.order.orderedOn}, due ${i.order.deadline}: ${i.days} days overdue, not re-inspected`;
  if (i.incident)
    return `Incident${i.incident.problems.length ? ` (${i.incident.problems.join(', ')})` : ''}`;
  if (i.acceptance) return `Acceptance failed (score ${i.acceptance.score})`;
  return i.detail;
}

/** 问责: orders past N days, incidents and failed acceptances of the year, with who answers for each. */
export function AccountabilityList({ year }: { year: number }) {
  const t = useAcceptanceText();
  const may = useCan('accountability.read');
  const [days, setDays] = useState(60);
  const township = useStore((s) => s.township);
  const list = useQuery({ ...accountabilityQuery(year, days, township), enabled: may });
  const setPremise = useStore((s) => s.setPremise);
  const lang = useStore((s) => s.lang);
  if (!may) return null;
  return (
    <section className="accountability" data-testid="accountability">
      <h3>
        {t.accountability}
        <label className="small">
          {t.days}{' '}
          <input
            type="number"
            min={1}
            max={1095}
            value={days}
            onChange={(e) => setDays(Math.max(1, Math.min(1095, Number(e.target.value) || 1)))}
          />
        </label>
      </h3>
      {list.isError && <p className="error">{errorText(list.error, lang)}</p>}
      {list.data && list.data.items.length === 0 && <p className="muted small">{t.none}</p>}
      <ul className="accountability-items">
        {list.data?.items.map((i) => {
          const who = i.responsible;
          return (
            <li key={`${i.kind}-${i.premise?.id ?? i.village.id}-${i.since}`} data-kind={i.kind}>
              <span className={`accountability-kind kind-${i.kind}`}>{t[`kind_${i.kind}`]}</span>{' '}
              <strong>{i.village.name}</strong>
              {i.premise && (
                <>
                  {' · '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setPremise(i.premise?.id ?? null)}
                  >
                    {i.premise.name}
                  </button>
                </>
              )}
              <div className="small">{lang === 'en' ? detailEn(i) : i.detail}</div>
              <div className="small muted">
                {t.responsible}
                {[who.village?.name, who.department?.name, who.person].filter(Boolean).join(' · ')}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
