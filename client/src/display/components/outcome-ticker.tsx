import { displayMessages } from '../display-i18n';
import { useDisplayStore } from '../display-store';

/** The latest outcomes, told without names; new ones slide in at the top. */
export function OutcomeTicker() {
  const ticker = useDisplayStore((s) => s.frame?.ticker);
  const lang = useDisplayStore((s) => s.options.lang);
  const t = displayMessages(lang);
  return (
    <section className="dsp-panel dsp-ticker">
      <h2>{t.ticker}</h2>
      <ul data-testid="display-ticker">
        {(ticker ?? []).map((item) => (
          <li key={item.key}>
            <span className="dsp-ticker-date">{item.date.slice(5).replace('-', '/')}</span>
            <span className="dsp-ticker-text">{lang === 'en' ? item.textEn : item.text}</span>
          </li>
        ))}
        {ticker?.length === 0 && <li className="dsp-muted">{t.noNews}</li>}
      </ul>
    </section>
  );
}
