import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../tests/helpers/test-app';
import { boot } from './boot';
import { eventInserter } from './db/premises';
import { day } from './domain/dates';
import { tally } from './domain/tally';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'sx-snap-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
}

describe('model snapshot beside the database', () => {
  it('is written on first start and used on the next, giving the same numbers', async () => {
    const file = tempDb();
    const first = await boot(file, DEMO_DIR);
    const at = day('2009-06-30');
    const expected = tally(first.ctx.model.columns, at);
    first.db.close();
    const written = statSync(`${file}.model`).mtimeMs;
    const second = await boot(file, null);
    expect(tally(second.ctx.model.columns, at)).toEqual(expected);
    expect(statSync(`${file}.model`).mtimeMs).toBe(written);
    second.db.close();
  });

  it('is not trusted after the database changed behind it', async () => {
    const file = tempDb();
    const first = await boot(file, DEMO_DIR);
    const id = first.ctx.model.columns.id[0];
    const at = day('2010-12-31');
    const before = tally(first.ctx.model.columns, at).byStatus.closed;
    // A write that bypasses the model, as the CLI's would.
    eventInserter(first.db)(id, { day: day('2010-12-01'), type: 'closed' });
    expect(first.ctx.model.syncWithDatabase()).toBe(true);
    const synced = tally(first.ctx.model.columns, at).byStatus.closed;
    first.db.close();
    const second = await boot(file, null);
    expect(tally(second.ctx.model.columns, at).byStatus.closed).toBe(synced);
    expect(synced).toBeGreaterThanOrEqual(before);
    second.db.close();
  });
});
