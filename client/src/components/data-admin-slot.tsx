import { lazy, Suspense } from 'react';
import { useStore } from '../store';

// The data workspace (import, review queue, export) loads on first opening: none of it is in the first page load.
const DataAdminSheet = lazy(() => import('../data-admin/data-admin-sheet'));

/** Where the data workspace appears: ?panel=data, or ?panel=setup on its set-up tab. */
export function DataAdminSlot() {
  const panel = useStore((s) => s.panel);
  if (panel !== 'data' && panel !== 'setup') return null;
  return (
    <Suspense fallback={null}>
      <DataAdminSheet initialTab={panel === 'setup' ? 'setup' : 'import'} />
    </Suspense>
  );
}
