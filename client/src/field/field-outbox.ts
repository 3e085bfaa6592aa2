import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { Outbox, type OutboxView } from '../outbox/outbox';
import { idbOutboxStore, memoryOutboxStore } from '../outbox/outbox-store';
import { apiTransport } from '../outbox/outbox-transport';
import { useSession } from '../session';
import { premiseWritten } from '../writes';

/** While records wait, the page tries again this often (and at once when the browser says it is online). */
const RETRY_MS = 20_000;
const CHANNEL = 'shixiao-outbox';

let outbox: Outbox | null = null;

/** The page's one outbox (IndexedDB, one flush at a time across tabs, other tabs told of changes). */
export function fieldOutbox(qc: QueryClient): Outbox {
  if (outbox) return outbox;
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  const created = new Outbox(
    typeof indexedDB === 'undefined' ? memoryOutboxStore() : idbOutboxStore(),
    apiTransport,
    {
      user: () => {
        const s = useSession.getState();
        return s.state === 'signed-in' ? s.me.username : null;
      },
      // navigator.locks exists on HTTPS (and localhost) only; one tab's flushes never overlap anyway
      lock: navigator.locks
        ? async (run) => {
            await navigator.locks.request(CHANNEL, run);
          }
        : (run) => run(),
      onWrite: () => channel?.postMessage('changed'),
      onSynced: (item) => void premiseWritten(qc, item.work.premiseId),
    },
  );
  if (channel) channel.onmessage = () => void created.reload();
  outbox = created;
  return created;
}

/** The outbox as the page shows it: the signed-in person's records only (a phone may be shared). */
export function useOutboxView(box: Outbox): OutboxView {
  const view = useSyncExternalStore(box.subscribe, box.snapshot);
  const user = useSession((s) => (s.state === 'signed-in' ? s.me.username : null));
  return useMemo(() => ({ ...view, items: view.items.filter((i) => i.username === user) }), [view, user]);
}

/**
 * Sends what waits: at once, when the browser comes back online, when the page is shown again,
 * and every RETRY_MS while records are pending.
 */
export function useOutboxSync(box: Outbox): void {
  const view = useOutboxView(box);
  const waiting = view.items.some((i) => i.state === 'pending');
  // a new sign-in (after the session ended) sends what waited for it
  const user = useSession((s) => (s.state === 'signed-in' ? s.me.username : null));
  useEffect(() => {
    if (!user) return;
    const flush = () => void box.flush();
    void box.ready.then(flush);
    const shown = () => {
      if (document.visibilityState === 'visible') flush();
    };
    window.addEventListener('online', flush);
    document.addEventListener('visibilitychange', shown);
    return () => {
      window.removeEventListener('online', flush);
      document.removeEventListener('visibilitychange', shown);
    };
  }, [box, user]);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void box.flush(), RETRY_MS);
    return () => clearInterval(timer);
  }, [box, waiting]);
}

/** Whether the browser says it is online, kept current. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (notify) => {
      window.addEventListener('online', notify);
      window.addEventListener('offline', notify);
      return () => {
        window.removeEventListener('online', notify);
        window.removeEventListener('offline', notify);
      };
    },
    () => navigator.onLine,
  );
}
