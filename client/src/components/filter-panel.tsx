import { CATEGORIES } from '@domain/categories';
import { STATUSES } from '@domain/statuses';
import { memo } from 'react';
import { useCampaignData } from '../campaign-data';
import { categoryName, statusName } from '../i18n/translate';
import { useLang, useMessages } from '../i18n/use-messages';
import { useStore } from '../store';

/** Toggles `code` in a "null means all" selection. */
function toggled(selection: string[] | null, all: readonly string[], code: string): string[] | null {
  const current = selection ?? [...all];
  const next = current.includes(code) ? current.filter((c) => c !== code) : [...current, code];
  return next.length === all.length ? null : all.filter((c) => next.includes(c));
}

const rgb = (c: readonly number[]) => `rgb(${c[0]} ${c[1]} ${c[2]})`;
const CATEGORY_CODES = CATEGORIES.map((c) => c.code);
const STATUS_KEYS = STATUSES.map((s) => s.key);

/** Filters by category, village and status. */
export const FilterPanel = memo(function FilterPanel() {
  const t = useMessages();
  const lang = useLang();
  const { villages } = useCampaignData();
  const categories = useStore((s) => s.categories);
  const village = useStore((s) => s.village);
  const statuses = useStore((s) => s.statuses);
  const { setCategories, setVillage, setStatuses, clearFilters } = useStore.getState();
  const sortedVillages = [...villages.features].sort((a, b) =>
    a.properties.code.localeCompare(b.properties.code),
  );
  return (
    <section className="panel-section" aria-label={t.filters}>
      <div className="section-head">
        <h2>{t.filters}</h2>
        {(categories || village !== null || statuses) && (
          <button type="button" className="link-button" data-testid="clear-filters" onClick={clearFilters}>
            {t.clearFilters}
          </button>
        )}
      </div>
      <label className="field">
        <span className="field-label">{t.village}</span>
        <select
          data-testid="filter-village"
          value={village ?? ''}
          onChange={(e) => setVillage(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">{t.allVillages}</option>
          {sortedVillages.map((f) => (
            <option key={f.properties.id} value={f.properties.id}>
              {f.properties.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="chips">
        <legend className="field-label">{t.categories}</legend>
        {CATEGORIES.map((c) => (
          <label key={c.code} className="chip" title={`${categoryName(c.code, lang)} · ${c.department}`}>
            <input
              type="checkbox"
              data-testid={`filter-category-${c.code}`}
              checked={categories === null || categories.includes(c.code)}
              onChange={() => setCategories(toggled(categories, CATEGORY_CODES, c.code))}
            />
            <span className="chip-dot" style={{ background: rgb(c.color) }}>
              {c.glyph}
            </span>
            <span className="chip-text">{categoryName(c.code, lang)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="chips">
        <legend className="field-label">{t.statuses}</legend>
        {STATUSES.map((s) => (
          <label key={s.key} className="chip">
            <input
              type="checkbox"
              data-testid={`filter-status-${s.key}`}
              checked={statuses === null || statuses.includes(s.key)}
              onChange={() => setStatuses(toggled(statuses, STATUS_KEYS, s.key))}
            />
            <span className="chip-swatch" style={{ background: rgb(s.color) }} />
            <span className="chip-text">{statusName(s.key, lang)}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
});
