import { resolve } from 'node:path';
import { createApp } from '../../server/src/app';
import { boot } from '../../server/src/boot';

export const DEMO_DIR = resolve(import.meta.dirname, '../../data/demo');

/** A fresh app on its own in-memory SQLite database seeded with the demo township. */
export async function demoApp() {
  const { db, ctx } = await boot(':memory:', DEMO_DIR);
  return { app: createApp(ctx), db, ctx };
}

/** GET a JSON endpoint, failing loudly on a non-2xx answer. */
export async function getJson<T = unknown>(app: ReturnType<typeof createApp>, path: string): Promise<T> {
  const res = await app.request(path);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
