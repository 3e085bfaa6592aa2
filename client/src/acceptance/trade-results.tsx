import type { AcceptanceAnswer } from '../api';
import { categoryName } from '../i18n/translate';
import { useStore } from '../store';
import { useAcceptanceText } from './acceptance-i18n';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Each trade's township-wide progress and model sites against the year's targets for it. */
export function TradeResults({ trades }: { trades: NonNullable<AcceptanceAnswer['trades']> }) {
  const t = useAcceptanceText();
  const lang = useStore((s) => s.lang);
  return (
    <details className="trade-results">
      <summary>{t.trades}</summary>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t.tradeProgress}</th>
            <th>{t.tradeModels}</th>
          </tr>
        </thead>
        <tbody>
          {trades.map((tr) => (
            <tr key={tr.code} className={tr.met ? 'met' : 'not-met'} data-trade={tr.code}>
              <td>{categoryName(tr.code, lang)}</td>
              <td className="num">
                {pct(tr.progress)} / {pct(tr.targets.progress)}
              </td>
              <td className="num">
                {tr.modelSites} / {tr.targets.modelSites} {tr.met ? '✓' : '✗'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
