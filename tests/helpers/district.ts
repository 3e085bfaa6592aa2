import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSource } from '../../data/generator/generate-demo';
import { writeDemo } from '../../data/generator/write-demo';
import { createApp } from '../../server/src/app';
import { boot } from '../../server/src/boot';
import { accountToken, actingAs } from './test-app';
import { keepForClosing, testTarget } from './test-store';

let written: string | null = null;

/**
 * A small district written by the demo generator: three townships, 900 premises (0.5 s to write;
 * once per test process). Its names are the generator's: tests read them from the API.
 */
export function districtDir(): string {
  if (written) return written;
  const dir = mkdtempSync(join(tmpdir(), 'district-'));
  writeDemo(dir, demoSource({ townships: 3, premises: 900 }));
  written = dir;
  return dir;
}

/**
 * A fresh app on its own record of the small district (in-memory SQLite, or a PostgreSQL schema in
 * the postgres test project), acting as an admin.
 */
export async function districtApp() {
  const { db, ctx } = await boot(await testTarget('demo', districtDir()), districtDir());
  keepForClosing(db);
  const anonymous = createApp(ctx);
  return { app: actingAs(anonymous, accountToken(db, 'district-admin', 'admin')), anonymous, db, ctx };
}
