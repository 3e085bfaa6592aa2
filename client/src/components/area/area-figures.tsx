import { CATEGORIES } from '@domain/categories';
import { STATUSES } from '@domain/statuses';
import { categoryName, statusName } from '../../i18n/translate';
import { useLang, useMessages } from '../../i18n/use-messages';
import type { AreaFigures as Figures } from './use-area-figures';

const int = new Intl.NumberFormat('en-US');
const dec = (digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
const rgb = (c: readonly number[]) => `rgb(${c[0]} ${c[1]} ${c[2]})`;

/** The shape's headline on the slider date: premises, unlicensed, progress, land, density, villages. */
export function AreaHeadline({ figures }: { figures: Figures }) {
  const t = useMessages();
  const lang = useLang();
  const { counts } = figures;
  const kpis = [
    { key: 'surveyed', value: counts.surveyed, shown: int.format(counts.surveyed), unit: t.unitHouseholds },
    {
      key: 'unlicensed',
      value: counts.unlicensed,
      shown: int.format(counts.unlicensed),
      unit: t.unitHouseholds,
    },
    { key: 'progress', value: counts.progress, shown: `${(counts.progress * 100).toFixed(1)}%`, unit: '' },
    { key: 'areaKm2', value: figures.areaKm2, shown: dec(2).format(figures.areaKm2), unit: t.unitKm2 },
  ] as const;
  return (
    <div className="area-figures">
      {figures.repaired && (
        <p className="area-repaired" data-testid="area-repaired">
          {lang === 'en' ? figures.repaired.message : figures.repaired.messageZh}
        </p>
      )}
      <div className="kpi-grid area-kpis">
        {kpis.map((k) => (
          <div
            key={k.key}
            className={`kpi kpi-${k.key}`}
            data-testid={`area-kpi-${k.key}`}
            data-value={k.value}
          >
            <div className="kpi-label">{t[`areaKpi_${k.key}`]}</div>
            <div className="kpi-value">
              {k.shown}
              {k.unit && <small>{k.unit}</small>}
            </div>
          </div>
        ))}
      </div>
      <dl className="area-land">
        <div>
          <dt>{t.areaInMu}</dt>
          <dd data-testid="area-mu" data-value={figures.areaMu}>
            {dec(0).format(figures.areaMu)} {t.unitMu}
          </dd>
        </div>
        <div>
          <dt>{t.density}</dt>
          <dd data-testid="area-density" data-value={figures.densityPerKm2}>
            {dec(1).format(figures.densityPerKm2)} {t.unitPerKm2}
          </dd>
        </div>
        <div>
          <dt>{t.unlicensedDensity}</dt>
          <dd data-value={figures.unlicensedPerKm2}>
            {dec(1).format(figures.unlicensedPerKm2)} {t.unitPerKm2}
          </dd>
        </div>
        <div>
          <dt>{t.villagesTouched}</dt>
          <dd data-testid="area-villages">{figures.villagesTouched?.map((v) => v.name).join('、') ?? '…'}</dd>
        </div>
      </dl>
    </div>
  );
}

/** The premises inside on the slider date by status and by category. */
export function AreaBreakdown({ counts }: { counts: Figures['counts'] }) {
  const t = useMessages();
  const lang = useLang();
  const categories = CATEGORIES.filter((c) => (counts.byCategory[c.code]?.surveyed ?? 0) > 0);
  return (
    <div className="area-figures">
      <h3>{t.byStatus}</h3>
      <div className="status-strip" aria-hidden="true">
        {STATUSES.map((s) => (
          <span key={s.key} style={{ flexGrow: counts.byStatus[s.key], background: rgb(s.color) }} />
        ))}
      </div>
      <ul className="status-counts">
        {STATUSES.map((s) => (
          <li key={s.key} data-testid={`area-status-${s.key}`} data-value={counts.byStatus[s.key]}>
            <span className="chip-swatch" style={{ background: rgb(s.color) }} />
            {statusName(s.key, lang)} <strong>{counts.byStatus[s.key]}</strong>
          </li>
        ))}
      </ul>
      <h3>{t.byCategory}</h3>
      <ul className="area-categories">
        {categories.map((c) => (
          <li key={c.code}>
            <span className="chip-dot small" style={{ background: rgb(c.color) }}>
              {c.glyph}
            </span>
            <span className="area-category-name">{categoryName(c.code, lang)}</span>
            <span className="bar-value">{counts.byCategory[c.code].surveyed}</span>
            <span className="bar-value bar-unlicensed">{counts.byCategory[c.code].unlicensed}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
