import { type Action, grant } from '@domain/auth/policy';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useSession } from '../session';
import { useStore } from '../store';
import { AuditLog } from './audit-log';
import { BoundaryImport } from './boundary-import';
import { UsersAdmin } from './users-admin';
import './data-admin.css';
import { SetupPanel } from '../setup/setup-panel';
import { useDataMessages } from './data-i18n';
import { ExportPanel } from './export-panel';
import { GazetteerImport } from './gazetteer-import';
import { ImportHistory } from './import-history';
import { ImportWizard } from './import-wizard';
import { ReviewQueue } from './review-queue';

/** Each tab of the workspace, and what the account must be allowed to see it. */
const TABS = [
  ['setup', 'setup'],
  ['import', 'import'],
  ['history', 'import'],
  ['review', 'geocode'],
  ['boundaries', 'import'],
  ['addresses', 'import'],
  ['export', 'export.ledger'],
  ['users', 'users.admin'],
  ['audit', 'audit.read'],
] as const satisfies readonly (readonly [string, Action])[];
export type DataTab = (typeof TABS)[number][0];

/** The data workspace (数据管理): a full-height sheet over the right of the map, with the tabs the role may use. */
export default function DataAdminSheet({ initialTab = 'import' }: { initialTab?: DataTab }) {
  const t = useDataMessages();
  const me = useSession((s) => (s.state === 'signed-in' ? s.me : null));
  const tabs = TABS.filter(([, action]) => me && grant({ ...me, villages: [] }, action) !== null).map(
    ([key]) => key,
  );
  const [chosen, setTab] = useState<DataTab>(initialTab);
  const tab = tabs.includes(chosen) ? chosen : (tabs[0] ?? chosen);
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
        {tabs.map((key) => (
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
        {tabs.includes('import') && (
          <div hidden={tab !== 'import'}>
            <ImportWizard onReview={() => setTab('review')} />
          </div>
        )}
        {tab === 'setup' && <SetupPanel onReview={() => setTab('review')} />}
        {tab === 'history' && <ImportHistory />}
        {tab === 'review' && <ReviewQueue />}
        {tab === 'boundaries' && <BoundaryImport />}
        {tab === 'addresses' && <GazetteerImport />}
        {tab === 'export' && <ExportPanel />}
        {tab === 'users' && <UsersAdmin />}
        {tab === 'audit' && <AuditLog />}
      </div>
    </section>
  );
  // A grid item of the page (beside the header, above the timeline), while keeping the map's context.
  return createPortal(sheet, document.querySelector('.app') ?? document.body);
}
