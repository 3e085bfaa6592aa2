import { CATEGORIES } from '@domain/categories';
import { STATUSES } from '@domain/statuses';
import type { Tally } from '@domain/tally';
import { categoryName, statusName } from '../i18n/translate';
import { useLang, useMessages } from '../i18n/use-messages';

const css = (c: readonly number[]) => `rgb(${c[0]} ${c[1]} ${c[2]})`;

/** One bar per category, split by status, on the slider date. */
export function CategoryBars({ tally }: { tally: Tally }) {
  const t = useMessages();
  const lang = useLang();
  const max = Math.max(1, ...CATEGORIES.map((c) => tally.byCategory[c.code]?.surveyed ?? 0));
  return (
    <section className="panel-section" aria-label={t.byCategory}>
      <h2>{t.byCategory}</h2>
      <ul className="bar-list" data-testid="category-bars">
        {CATEGORIES.map((c) => {
          const g = tally.byCategory[c.code];
          const surveyed = g?.surveyed ?? 0;
          return (
            <li key={c.code} className="bar-row" data-testid={`category-bar-${c.code}`} data-value={surveyed}>
              <span className="bar-label" title={categoryName(c.code, lang)}>
                <span className="chip-dot small" style={{ background: css(c.color) }}>
                  {c.glyph}
                </span>
                <span className="bar-name">{categoryName(c.code, lang)}</span>
              </span>
              <span className="bar-track">
                {STATUSES.map((s) => {
                  const n = g?.byStatus[s.key] ?? 0;
                  return n > 0 ? (
                    <span
                      key={s.key}
                      className="bar-part"
                      title={`${statusName(s.key, lang)} ${n}`}
                      style={{ width: `${(n / max) * 100}%`, background: css(s.color) }}
                    />
                  ) : null;
                })}
              </span>
              <span className="bar-value">
                {surveyed}
                {g && g.unlicensed > 0 && (
                  <small className="bar-unlicensed" title={t.unlicensed}>
                    {' '}
                    ({g.unlicensed})
                  </small>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
