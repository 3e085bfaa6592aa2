import type { OutboxItem } from './outbox-item';

/** Where the outbox keeps its items: the browser's IndexedDB on the page, memory in tests. */
export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  delete(clientId: string): Promise<void>;
}

const ITEMS = 'items';

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/**
 * The outbox in IndexedDB: one object store keyed by clientId. Items are structured clones, so a
 * photo's bytes are kept as they are (an ArrayBuffer) and survive a reload of the page.
 */
export function idbOutboxStore(name = 'shixiao-outbox'): OutboxStore {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => {
    opened ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(ITEMS, { keyPath: 'clientId' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return opened;
  };
  /** Runs one request in its own transaction and resolves when the transaction is durable. */
  const run = async <T>(mode: IDBTransactionMode, request: (s: IDBObjectStore) => IDBRequest<T>) => {
    const tx = (await db()).transaction(ITEMS, mode);
    const result = done(request(tx.objectStore(ITEMS)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    return result;
  };
  return {
    all: () => run('readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>),
    put: async (item) => {
      await run('readwrite', (s) => s.put(item));
    },
    delete: async (clientId) => {
      await run('readwrite', (s) => s.delete(clientId));
    },
  };
}

/** The outbox kept in memory only (tests; a browser without IndexedDB keeps it for the page's life). */
export function memoryOutboxStore(): OutboxStore {
  const items = new Map<string, OutboxItem>();
  return {
    all: async () => [...items.values()].map((i) => structuredClone(i)),
    put: async (item) => {
      items.set(item.clientId, structuredClone(item));
    },
    delete: async (clientId) => {
      items.delete(clientId);
    },
  };
}
