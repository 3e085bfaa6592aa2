import { DEPARTMENTS, type DepartmentCode } from '@domain/auth/roles';
import { CATEGORIES } from '@domain/categories';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  WORKLIST_KEYS,
  type WorklistItem,
  type WorklistKey,
  type WorklistQuery,
  worklistDownloadPath,
} from '../api';
import { useCampaignData } from '../campaign-data';
import { categoryName, licenceName } from '../i18n/translate';
import { useLang } from '../i18n/use-messages';
import { ringBounds, worklistRing } from '../lib/worklist-ring';
import { useMapController } from '../map/map-controller-context';
import { fill, type OfficeMessages, useOfficeError, useOfficeText } from '../office/office-i18n';
import { worklistQuery } from '../queries';
import { useStore } from '../store';
import { useWorklistRing } from './worklist-ring-store';

/** What a list says of one premise beyond its name: how late, how often failed, what came back. */
function itemDetail(item: WorklistItem, t: OfficeMessages, lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  if (item.daysOverdue > 0) parts.push(fill(t.daysOverdue, { n: item.daysOverdue }));
  if (item.daysLeft !== undefined) parts.push(fill(t.daysLeft, { n: item.daysLeft }));
  if (item.deadline) parts.push(`${t.deadline} ${item.deadline}`);
  if (item.failures !== undefined) parts.push(fill(t.failures, { n: item.failures }));
  if (item.licence) parts.push(`${licenceName(item.licence, lang)} ${item.validTo ?? ''}`);
  if (item.closedArchiveNo)
    parts.push(
      fill(t.reboundOf, {
        archive: item.closedArchiveNo,
        match: (item.matches ?? []).map((m) => t[m as 'phone'] ?? m).join('、'),
      }),
    );
  return parts.join(' · ');
}

/**
 * 工作清单 on the slider date: overdue orders, due this week, licences running out, repeat failures
 * and rebound, filtered by village, trade and department; downloadable; and ringed on the map.
 */
export default function WorklistTab({ at }: { at: string }) {
  const t = useOfficeText();
  const lang = useLang();
  const errorText = useOfficeError();
  const { villages, premises } = useCampaignData();
  const setPremise = useStore((s) => s.setPremise);
  const controller = useMapController();
  const [key, setKey] = useState<WorklistKey>('overdue');
  const [filters, setFilters] = useState<Omit<WorklistQuery, 'at'>>({});
  const query: WorklistQuery = { at, ...filters };
  const list = useQuery(worklistQuery(key, query));
  const ring = useWorklistRing((s) => s.ring);
  const [onMap, setOnMap] = useState(false);

  // The rings follow the list: a write that changes it (and the premises layer) redraws them.
  const items = list.data?.items;
  useEffect(() => {
    if (!onMap || !items) return;
    useWorklistRing.setState({
      ring: worklistRing(
        premises,
        key,
        items.map((i) => i.premiseId),
      ),
    });
  }, [onMap, items, premises, key]);
  useEffect(() => () => useWorklistRing.setState({ ring: null }), []);
  const toggleMap = () => {
    if (onMap) {
      setOnMap(false);
      useWorklistRing.setState({ ring: null });
      return;
    }
    setOnMap(true);
    if (items && controller) {
      const bounds = ringBounds(
        worklistRing(
          premises,
          key,
          items.map((i) => i.premiseId),
        ),
      );
      if (bounds) controller.revealBounds(bounds);
    }
  };
  const set = (patch: Partial<WorklistQuery>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <div className="worklists" data-testid="worklists" data-list={key}>
      <div className="pills" role="tablist">
        {WORKLIST_KEYS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={key === k}
            className={key === k ? 'pill active' : 'pill'}
            data-testid={`worklist-${k}`}
            onClick={() => setKey(k)}
          >
            {t[`list_${k}`]}
          </button>
        ))}
      </div>
      <div className="filters-row">
        <label>
          <span>{t.filterVillage}</span>
          <select
            data-testid="worklist-village"
            value={filters.village ?? ''}
            onChange={(e) => set({ village: e.target.value || undefined })}
          >
            <option value="">{t.all}</option>
            {villages.features.map((v) => (
              <option key={v.properties.id} value={String(v.properties.id)}>
                {v.properties.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.filterCategory}</span>
          <select
            value={filters.category ?? ''}
            onChange={(e) => set({ category: e.target.value || undefined })}
          >
            <option value="">{t.all}</option>
            {CATEGORIES.map((c) => (
              <option key={c.code} value={c.code}>
                {categoryName(c.code, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.filterDepartment}</span>
          <select
            value={filters.department ?? ''}
            onChange={(e) => set({ department: (e.target.value || undefined) as DepartmentCode | undefined })}
          >
            <option value="">{t.all}</option>
            {DEPARTMENTS.map((d) => (
              <option key={d.code} value={d.code}>
                {lang === 'en' ? d.nameEn : d.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="list-actions">
        <span data-testid="worklist-total" data-value={list.data?.total ?? ''}>
          {list.data
            ? `${fill(t.asOf, { at: list.data.at })} · ${fill(t.count, { n: list.data.total })}`
            : t.loading}
        </span>
        <button
          type="button"
          data-testid="worklist-on-map"
          aria-pressed={onMap}
          disabled={!items}
          onClick={toggleMap}
        >
          {onMap ? t.offMap : t.onMap}
        </button>
        <a href={worklistDownloadPath(key, query, 'csv')} download data-testid="worklist-csv">
          {t.exportCsv}
        </a>
        <a href={worklistDownloadPath(key, query, 'xlsx')} download>
          {t.exportXlsx}
        </a>
      </div>
      {list.isError && (
        <p className="error" role="alert">
          {errorText(list.error)}
        </p>
      )}
      {items && items.length === 0 && <p className="muted">{t.emptyList}</p>}
      <ol className="work-items" data-testid="worklist-items" data-ringed={onMap && ring ? ring.length : 0}>
        {items?.map((item) => (
          <li key={`${item.premiseId}-${item.licence ?? ''}`}>
            <button
              type="button"
              className="work-item"
              data-testid="worklist-item"
              data-premise={item.premiseId}
              onClick={() => setPremise(item.premiseId)}
            >
              <strong>{item.name}</strong>
              <span className="muted">
                {' '}
                {item.archiveNo} · {item.village.name} · {categoryName(item.category, lang)}
              </span>
              <div className="work-detail">{itemDetail(item, t, lang)}</div>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
