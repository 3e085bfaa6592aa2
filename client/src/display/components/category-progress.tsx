import { displayMessages } from '../display-i18n';
import { useDisplayStore } from '../display-store';

const rgb = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

/** Progress of each of the ten trades; a trade with too few premises to show says so instead. */
export function CategoryProgress() {
  const categories = useDisplayStore((s) => s.campaign?.categories);
  const byCategory = useDisplayStore((s) => s.frame?.byCategory);
  const lang = useDisplayStore((s) => s.options.lang);
  const t = displayMessages(lang);
  return (
    <section className="dsp-panel dsp-categories">
      <h2>{t.categories}</h2>
      <ul>
        {(categories ?? []).map((c) => {
          const g = byCategory?.[c.code] ?? null;
          const p = g?.progress ?? 0;
          return (
            <li key={c.code} className={g ? undefined : 'dsp-withheld'}>
              <span className="dsp-dot" style={{ background: rgb(c.color) }} />
              <span className="dsp-cat-name">{lang === 'en' ? c.nameEn : c.name}</span>
              <span className="dsp-bar">
                <span className="dsp-bar-fill" style={{ transform: `scaleX(${p})` }} />
              </span>
              <span className="dsp-pct">{g ? `${Math.round(p * 100)}%` : '—'}</span>
              <span className="dsp-count">{g ? g.surveyed : t.tooFew}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
