import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from '../store';
import { BoundaryImport } from './boundary-import';
import './data-admin.css';
import { useDataMessages } from './data-i18n';
import { ExportPanel } from './export-panel';
import { GazetteerImport } from './gazetteer-import';
import { ImportHistory } from './import-history';
import { ImportWizard } from './import-wizard';
import { ReviewQueue } from './review-queue';

const TABS = ['import', 'history', 'review', 'boundaries', 'addresses', 'export'] as const;
export type DataTab = (typeof TABS)[number];

/** The data workspace (数据管理): a full-height sheet over the right of the map, with one tab per job. */
export default function DataAdminSheet() {
  const t = useDataMessages();
  const [tab, setTab] = useState<DataTab>('import');
  const close = () => useStore.getState().setPanel(null);
  const sheet = (
    <section className="data-sheet" data-testid="data-sheet" aria-label={t.title}>
      <header className="data-sheet-head">
        <h2>{t.title}</h2>
        <button
          type="button"
          className="data-close"
          onClick={close}
          aria-label={t.close}
          data-testid="close-data"
        >
          ×
        </button>
      </header>
      <div className="data-tabs" role="tablist">
        {TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            className={tab === key ? 'data-tab active' : 'data-tab'}
            data-testid={`data-tab-${key}`}
            onClick={() => setTab(key)}
          >
            {t[`tab_${key}`]}
          </button>
        ))}
      </div>
      <div className="data-body" role="tabpanel">
        {/* The wizard stays mounted so a commit in progress survives a look at another tab. */}
        <div hidden={tab !== 'import'}>
          <ImportWizard onReview={() => setTab('review')} />
        </div>
        {tab === 'history' && <ImportHistory />}
        {tab === 'review' && <ReviewQueue />}
        {tab === 'boundaries' && <BoundaryImport />}
        {tab === 'addresses' && <GazetteerImport />}
        {tab === 'export' && <ExportPanel />}
      </div>
    </section>
  );
  // A grid item of the page (beside the header, above the timeline), while keeping the map's context.
  return createPortal(sheet, document.querySelector('.app') ?? document.body);
}
