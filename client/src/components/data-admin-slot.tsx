import { lazy, Suspense } from 'react';
import { useStore } from '../store';

// The data workspace (import, review queue, export) loads on first opening: none of it is in the first page load.
const DataAdminSheet = lazy(() => import('../data-admin/data-admin-sheet'));

/** Where the data workspace appears when ?panel=data. */
export function DataAdminSlot() {
  const open = useStore((s) => s.panel === 'data');
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <DataAdminSheet />
    </Suspense>
  );
}
