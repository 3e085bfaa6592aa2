// The phone page's service worker (/field only): the page opens offline after a reload.
// Built by field-sw-plugin.ts, which writes the build's file list and version into MANIFEST.
// Plain JavaScript on purpose: it runs as it is written, in the worker's own global scope.

/** { version: string, shell: string[] }: the app shell of this build (index.html and the /field code). */
const MANIFEST = JSON.parse('__FIELD_SW_MANIFEST__');
const PREFIX = 'field-';
/** The app shell of this build: dropped with the build. */
const SHELL = `${PREFIX}shell-${MANIFEST.version}`;
/** The reads the page keeps for the round (who is signed in, my tasks, premise files, checklists). */
const KEPT = `${PREFIX}kept-${MANIFEST.version}`;
/** The page itself, however it was opened (/field, /field?tab=outbox, …). */
const PAGE = '/field';
const KEPT_READS = [
  /^\/api\/auth\/me$/,
  /^\/api\/tasks\/mine$/,
  /^\/api\/premises\/\d+$/,
  /^\/api\/standards$/,
];
/** How long the network may take before what was kept is shown instead. */
const PATIENCE_MS = 6000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([PAGE, ...MANIFEST.shell]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith(PREFIX) && n !== SHELL && n !== KEPT).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // signed out: what one account read is not kept for the next
  if (request.method === 'POST' && url.pathname === '/api/auth/logout') {
    event.waitUntil(caches.delete(KEPT));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request, SHELL, PAGE));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (KEPT_READS.some((r) => r.test(url.pathname)) && request.cache !== 'no-store')
    event.respondWith(networkFirst(request, KEPT, request));
  // anything else (other API answers, photos) goes to the network as if there were no worker
});

// The build files the page loaded before the worker controlled it (fonts among them), to keep.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'keep-assets' && Array.isArray(event.data.urls))
    event.waitUntil(keepAssets(event.data.urls));
});

async function keepAssets(urls) {
  const cache = await caches.open(SHELL);
  for (const u of urls) {
    const url = new URL(u, self.location.origin);
    if (url.origin !== self.location.origin || !url.pathname.startsWith('/assets/')) continue;
    if (!(await cache.match(url.pathname))) await cache.add(url.pathname).catch(() => {});
  }
}

/** Hashed build files never change: from the cache, else fetched and kept. */
async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

/** The network's answer (kept for next time); when it fails or dawdles, the kept one. */
async function networkFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  const fresh = fetch(request).then(async (res) => {
    if (res.ok) await cache.put(key, res.clone());
    else if (res.status === 401) await caches.delete(KEPT);
    return res;
  });
  fresh.catch(() => {}); // a failure after the kept answer was shown is nobody's concern
  const kept = () => cache.match(key);
  const late = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS, 'late'));
  try {
    const first = await Promise.race([fresh, late]);
    if (first !== 'late') return first;
    return (await kept()) ?? (await fresh);
  } catch (err) {
    const res = await kept();
    if (res) return res;
    throw err;
  }
}
