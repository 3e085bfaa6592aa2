import { lazy, Suspense } from 'react';
import { useCan } from '../session';
import { useOfficeText } from './office-i18n';
import { useOffice, type WorkTab } from './office-store';
import './office.css';

const WorklistTab = lazy(() => import('../worklists/worklist-tab'));
const TasksTab = lazy(() => import('../tasks/tasks-tab'));
const DrawTab = lazy(() => import('../draws/draw-tab'));
const NewPremiseTab = lazy(() => import('../components/premise-file/new-premise'));

/** The office's daily work (日常工作) over the map: work lists, my tasks, random draws, a new premise. */
export function WorkSheet({ at }: { at: string }) {
  const t = useOfficeText();
  const tab = useOffice((s) => s.tab);
  const setTab = useOffice((s) => s.setTab);
  const mayLists = useCan('worklist.read');
  const mayTasks = useCan('task.read');
  // anyone may re-check a draw (复核); only dispatchers run one (the tab shows the form to them)
  const mayDraw = useCan('draw.read');
  const mayWrite = useCan('premise.write');
  if (tab === null) return null;
  const tabs: WorkTab[] = [
    ...(mayLists ? (['worklists'] as const) : []),
    ...(mayTasks ? (['tasks'] as const) : []),
    ...(mayDraw ? (['draws'] as const) : []),
    ...(mayWrite ? (['new'] as const) : []),
  ];
  return (
    <aside className="work-sheet" data-testid="work-sheet" aria-label={t.work}>
      <div className="drawer-head">
        <div className="work-tabs" role="tablist">
          {tabs.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? 'active' : undefined}
              data-testid={`work-tab-${k}`}
              onClick={() => setTab(k)}
            >
              {t[`tab_${k}`]}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="drawer-close"
          aria-label={t.close}
          title={t.close}
          onClick={() => setTab(null)}
        >
          ×
        </button>
      </div>
      <div className="drawer-body">
        <Suspense fallback={<p className="muted">{t.loading}</p>}>
          {tab === 'worklists' && <WorklistTab at={at} />}
          {tab === 'tasks' && <TasksTab />}
          {tab === 'draws' && <DrawTab at={at} />}
          {tab === 'new' && <NewPremiseTab />}
        </Suspense>
      </div>
    </aside>
  );
}

/** The header's button that opens the daily work, for those who have any. */
export function WorkButton() {
  const t = useOfficeText();
  const tab = useOffice((s) => s.tab);
  const setTab = useOffice((s) => s.setTab);
  const mayLists = useCan('worklist.read');
  const mayTasks = useCan('task.read');
  if (!mayLists && !mayTasks) return null;
  return (
    <button
      type="button"
      className={tab ? 'open-data active' : 'open-data'}
      data-testid="open-work"
      aria-pressed={tab !== null}
      title={t.workHint}
      onClick={() => setTab(tab ? null : mayLists ? 'worklists' : 'tasks')}
    >
      {t.work}
    </button>
  );
}
