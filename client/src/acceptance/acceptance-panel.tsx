import { ACCEPTANCE_RESULTS } from '@domain/acceptance/scorecard';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import './acceptance.css';
import { errorText } from '../api';
import { useCampaignData } from '../campaign-data';
import { fill } from '../i18n/translate';
import { acceptanceQuery } from '../queries';
import { useStore } from '../store';
import { resultName, useAcceptanceText } from './acceptance-i18n';
import { useAcceptanceStore } from './acceptance-store';
import { AccountabilityList } from './accountability-list';
import { ResultBadge, Swatch } from './result-badge';
import { ScorecardView } from './scorecard-view';
import { TradeResults } from './trade-results';

/** 年度验收 over the map: the year, each village's result (the map is coloured by it), a scorecard, 问责. */
export default function AcceptancePanel({ year }: { year: number }) {
  const t = useAcceptanceText();
  const { campaign } = useCampaignData();
  const setPanel = useStore((s) => s.setPanel);
  const lang = useStore((s) => s.lang);
  const { villageId, setYear, setVillage } = useAcceptanceStore();
  // Drilled into a township of the district: its villages alone.
  const township = useStore((s) => s.township);
  const answer = useQuery(acceptanceQuery(year, township));
  // The villages' fills are the map's choropleth: make sure it is on while the panel is open.
  useEffect(() => {
    if (!useStore.getState().layers.includes('choropleth'))
      useStore.getState().toggleLayer('choropleth', true);
  }, []);
  const data = answer.data;
  return (
    <aside className="acceptance-panel" data-testid="acceptance-panel" aria-label={t.title}>
      <div className="drawer-head">
        <h2>{t.title}</h2>
        <select
          aria-label={t.year}
          data-testid="acceptance-year"
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
        >
          {campaign.goals.map((g) => (
            <option key={g.year} value={g.year}>
              {g.year}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="drawer-close"
          aria-label={t.close}
          title={t.close}
          onClick={() => setPanel(null)}
        >
          ×
        </button>
      </div>
      <div className="drawer-body">
        {answer.isPending && <p className="muted">{t.loading}</p>}
        {answer.isError && <p className="error">{errorText(answer.error, lang)}</p>}
        {data && (
          <>
            <p className="acceptance-meta small" data-testid="acceptance-as-of" data-year={data.year}>
              {fill(t.asOf, { date: data.asOf })}
              {!data.final && t.running} · {fill(t.passMark, { n: data.passMark })} ·{' '}
              {fill(t.targetsVersion, { v: data.targetsVersion === 0 ? t.planTargets : data.targetsVersion })}
            </p>
            <ul className="acceptance-legend" aria-label={t.legend} title={t.legend}>
              {ACCEPTANCE_RESULTS.map((r) => (
                <li key={r}>
                  <Swatch result={r} />
                  {resultName(t, r)} {data.summary[r]}
                </li>
              ))}
            </ul>
            {villageId !== null ? (
              <ScorecardView year={year} villageId={villageId} onBack={() => setVillage(null)} />
            ) : (
              <>
                <p className="muted small">{t.pickVillage}</p>
                <table className="acceptance-villages">
                  <thead>
                    <tr>
                      <th>{t.villages}</th>
                      <th>{t.score}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {data.villages.map((v) => (
                      <tr
                        key={v.id}
                        data-testid="acceptance-village"
                        data-village={v.id}
                        data-result={v.result}
                      >
                        <td>
                          <button type="button" className="link-button" onClick={() => setVillage(v.id)}>
                            {v.name}
                          </button>
                          {v.pilot && <span className="acceptance-pilot">{t.pilot}</span>}
                        </td>
                        <td className="num">{Math.round(v.score * 10) / 10}</td>
                        <td>
                          <ResultBadge result={v.result} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {data.trades && <TradeResults trades={data.trades} />}
              </>
            )}
          </>
        )}
        <AccountabilityList year={year} />
      </div>
    </aside>
  );
}
