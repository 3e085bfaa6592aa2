/** Where the phone page's service worker is served (written by the build: client/field-sw/). */
const WORKER_URL = '/field-sw.js';

/**
 * Registers the phone page's service worker (built pages only), which controls /field alone: the
 * page then opens offline after a reload, with what it read for the round. When a worker takes
 * the page over (the first one, or a new build's), it is told the build files the page loaded
 * before (fonts among them) to keep, and `takenOver` runs so that the page reads again, through
 * it, what it holds in memory — the worker keeps those answers for the next start without a network.
 */
export function keepFieldStartingOffline(takenOver: () => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const workers = navigator.serviceWorker;
  workers.addEventListener('controllerchange', () => {
    const loaded = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter(
        (url) => new URL(url).origin === location.origin && new URL(url).pathname.startsWith('/assets/'),
      );
    workers.controller?.postMessage({ type: 'keep-assets', urls: loaded });
    takenOver();
  });
  workers.register(WORKER_URL, { scope: '/field' }).catch((err: unknown) => {
    // the page works online without it; only the start without a network is lost
    console.warn('the /field service worker was not registered:', err);
  });
}
