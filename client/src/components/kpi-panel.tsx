import type { Tally } from '@domain/tally';
import { statusName } from '../i18n/translate';
import { useLang, useMessages } from '../i18n/use-messages';
import type { MessageKey } from '../i18n/zh';
import { KPI_KEYS, kpiValue } from '../lib/kpis';

const numberFormat = new Intl.NumberFormat('en-US');

/** The campaign's figures on the slider date; without a tally yet (still loading) the cards wait, with no data-value. */
export function KpiPanel({ tally }: { tally: Tally | null }) {
  const t = useMessages();
  const lang = useLang();
  return (
    <section className="panel-section" aria-label={t.kpis}>
      <h2>{t.kpis}</h2>
      <div className="kpi-grid">
        {KPI_KEYS.map((key) => {
          if (!tally) {
            return (
              <div key={key} className={`kpi kpi-${key}`} data-testid={`kpi-${key}`} aria-busy="true">
                <div className="kpi-label">{t[`kpi_${key}` as MessageKey]}</div>
                <div className="kpi-value muted">…</div>
              </div>
            );
          }
          const value = kpiValue(tally, key);
          const shown = key === 'progress' ? `${(value * 100).toFixed(1)}%` : numberFormat.format(value);
          return (
            <div key={key} className={`kpi kpi-${key}`} data-testid={`kpi-${key}`} data-value={value}>
              <div className="kpi-label">{t[`kpi_${key}` as MessageKey]}</div>
              <div className="kpi-value">
                {shown}
                {key !== 'progress' && t.unitHouseholds && <small>{t.unitHouseholds}</small>}
                {key === 'closed' && (
                  <span className="kpi-split">
                    {statusName('closed', lang)} {tally.byStatus.closed} · {statusName('converted', lang)}{' '}
                    {tally.byStatus.converted}
                  </span>
                )}
              </div>
              {key === 'progress' && (
                <div className="kpi-bar">
                  <span style={{ width: `${value * 100}%` }} />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
