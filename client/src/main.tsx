import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { SessionGate } from './auth/session-gate';
import { campaignQuery, premisesLayerInfoQuery, villagesQuery } from './queries';
import { createQueryClient } from './query-client';
import { syncStoreToUrl } from './store';

// The public big screen loads on demand: none of its code is in the campaign map's bundle.
const DisplayApp = lazy(() => import('./display/display-app'));
const isDisplay = location.pathname === '/display';
// The phone page (/field) loads on demand too, and keeps its own URL (see field/field-route.ts).
const FieldApp = lazy(() => import('./field/field-app'));
const isField = location.pathname === '/field';
if (!isDisplay && !isField) syncStoreToUrl();

/** The campaign map's one cache of server data. */
const queryClient = createQueryClient();
// Numbers first: what the dashboard opens on is asked for while the session is checked, not after
// it (a round trip saved; signed out, these answer 401 and the sign-in clears the cache).
if (!isDisplay && !isField) {
  void queryClient.prefetchQuery(campaignQuery);
  void queryClient.prefetchQuery(villagesQuery);
  void queryClient.prefetchQuery(premisesLayerInfoQuery);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    {isDisplay ? (
      <Suspense fallback={null}>
        <DisplayApp />
      </Suspense>
    ) : (
      <QueryClientProvider client={queryClient}>
        <SessionGate>
          {isField ? (
            <Suspense fallback={null}>
              <FieldApp />
            </Suspense>
          ) : (
            <App />
          )}
        </SessionGate>
      </QueryClientProvider>
    )}
  </StrictMode>,
);
