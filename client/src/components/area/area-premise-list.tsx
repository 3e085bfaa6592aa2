import type { Polygonal } from '@domain/areas/point-in-polygon';
import { useState } from 'react';
import { categoryName, statusName } from '../../i18n/translate';
import { useLang, useMessages } from '../../i18n/use-messages';
import { useStore } from '../../store';
import { exportPremisesCsv, exportPremisesXlsx } from './export-premises';
import { useAreaPremises } from './use-area-premises';

/** The premises inside on the slider date, paged; a click opens the premise file. Exports to XLSX and CSV. */
export function AreaPremiseList({ geometry, at, title }: { geometry: Polygonal; at: string; title: string }) {
  const t = useMessages();
  const lang = useLang();
  const setPremise = useStore((s) => s.setPremise);
  // A new shape starts again at page 1.
  const [paging, setPaging] = useState({ geometry, page: 1 });
  const page = paging.geometry === geometry ? paging.page : 1;
  const setPage = (p: number) => setPaging({ geometry, page: p });
  const { page: shown, error, loading } = useAreaPremises(geometry, at, page);
  const [exporting, setExporting] = useState<'xlsx' | 'csv' | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const run = (kind: 'xlsx' | 'csv') => {
    setExporting(kind);
    setExportError(null);
    const job =
      kind === 'xlsx'
        ? exportPremisesXlsx(geometry, at, title, lang)
        : exportPremisesCsv(geometry, at, title);
    job
      .catch((e: unknown) => setExportError(e instanceof Error ? e.message : String(e)))
      .finally(() => setExporting(null));
  };
  return (
    <section className="area-premises" aria-busy={loading}>
      <div className="section-head">
        <h3>
          {t.premisesInside}
          {shown && <span className="count"> {shown.total}</span>}
        </h3>
        <span className="area-export">
          <button
            type="button"
            data-testid="area-export-xlsx"
            disabled={exporting !== null}
            onClick={() => run('xlsx')}
          >
            {exporting === 'xlsx' ? t.exporting : t.exportXlsx}
          </button>
          <button
            type="button"
            data-testid="area-export-csv"
            disabled={exporting !== null}
            onClick={() => run('csv')}
          >
            {exporting === 'csv' ? t.exporting : t.exportCsv}
          </button>
        </span>
      </div>
      {exportError && <p className="error">{exportError}</p>}
      {error && <p className="error">{error}</p>}
      {shown?.total === 0 && <p className="muted">{t.noPremisesInside}</p>}
      <ul className="area-premise-rows">
        {shown?.premises.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="area-premise"
              data-premise={p.id}
              onClick={() => setPremise(p.id)}
            >
              <span className="area-premise-name">{p.name}</span>
              <span className="muted">
                {categoryName(p.category, lang)} · {p.village.name}
              </span>
              <span className={`area-premise-status status-${p.status}`}>{statusName(p.status, lang)}</span>
              {p.unlicensed && <span className="tag tag-warn">{t.unlicensedShort}</span>}
            </button>
          </li>
        ))}
      </ul>
      {shown && shown.pages > 1 && (
        <div className="pager">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t.prevPage}
          </button>
          <span>
            {t.page} {page}/{shown.pages}
          </span>
          <button type="button" disabled={page >= shown.pages} onClick={() => setPage(page + 1)}>
            {t.nextPage}
          </button>
        </div>
      )}
    </section>
  );
}
