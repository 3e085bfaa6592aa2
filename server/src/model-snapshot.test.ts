import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../tests/helpers/test-app';
import { boot } from './boot';
import { readRecordStamp, renewDbId } from './db/data-version';
import { eventInserter } from './db/premises';
import { day } from './domain/dates';
import type { PremiseColumns } from './domain/premise-columns';
import { statusIndex } from './domain/statuses';
import { tally } from './domain/tally';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Premises still operating (neither closed nor converted) on `onDay`: a closure that day counts. */
function operatingOn(cols: PremiseColumns, onDay: number): number[] {
  const gone = new Set([statusIndex('closed'), statusIndex('converted')]);
  const ids: number[] = [];
  for (let i = 0; i < cols.count; i++) {
    for (let k = cols.intervalStart[i]; k < cols.intervalStart[i + 1]; k++) {
      if (cols.fromDay[k] <= onDay && onDay < cols.toDay[k] && !gone.has(cols.status[k]))
        ids.push(cols.id[i]);
    }
  }
  return ids;
}

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

  it('is not used for another database whose change counter happens to be the same', async () => {
    const fileA = tempDb();
    const fileB = tempDb();
    const a = await boot(fileA, DEMO_DIR);
    const b = await boot(fileB, DEMO_DIR);
    const at = day('2010-12-31');
    // B differs from A by one closure, and its counter is set back to A's.
    const counter = readRecordStamp(a.db).dataVersion;
    eventInserter(b.db)(operatingOn(b.ctx.model.columns, at)[0], { day: at, type: 'closed' });
    b.db.prepare("UPDATE meta SET value = ? WHERE key = 'data_version'").run(String(counter));
    b.ctx.model.reload();
    const truth = tally(b.ctx.model.columns, at);
    expect(truth).not.toEqual(tally(a.ctx.model.columns, at));
    a.db.close();
    b.db.close();
    copyFileSync(`${fileA}.model`, `${fileB}.model`);
    const again = await boot(fileB, null);
    expect(tally(again.ctx.model.columns, at)).toEqual(truth);
    again.db.close();
  });

  it('is reloaded by the sync when the record was replaced, even with the same change counter', async () => {
    const file = tempDb();
    const server = await boot(file, DEMO_DIR);
    const at = day('2010-12-31');
    const before = tally(server.ctx.model.columns, at).byStatus.closed;
    // Another process puts a different record in place (as a restore does): new content, same
    // counter, a new database id.
    const other = new Database(file);
    const counter = readRecordStamp(other).dataVersion;
    other.transaction(() => {
      eventInserter(other)(operatingOn(server.ctx.model.columns, at)[0], { day: at, type: 'closed' });
      other.prepare("UPDATE meta SET value = ? WHERE key = 'data_version'").run(String(counter));
      renewDbId(other);
    })();
    other.close();
    expect(server.ctx.model.syncWithDatabase()).toBe(true);
    expect(tally(server.ctx.model.columns, at).byStatus.closed).toBe(before + 1);
    expect(server.ctx.model.syncWithDatabase()).toBe(false);
    server.db.close();
  });

  it("folds in another process's change even when the server's own write came first", async () => {
    const file = tempDb();
    const server = await boot(file, DEMO_DIR);
    const at = day('2010-12-31');
    const [first, second] = operatingOn(server.ctx.model.columns, at);
    const before = tally(server.ctx.model.columns, at).byStatus.closed;
    const cli = new Database(file);
    eventInserter(cli)(first, { day: at, type: 'closed' });
    cli.close();
    // The server's own write and refresh, before its periodic sync has seen the other one.
    eventInserter(server.db)(second, { day: at, type: 'closed' });
    server.ctx.model.refresh(second);
    expect(server.ctx.model.syncWithDatabase()).toBe(true);
    expect(tally(server.ctx.model.columns, at).byStatus.closed).toBe(before + 2);
    server.db.close();
  });
});
