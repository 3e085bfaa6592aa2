import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { migrate, openDatabase } from './open-database';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file with WAL and foreign keys, and migrates once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sx-db-'));
    dirs.push(dir);
    const file = join(dir, 'nested', 'test.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(migrate(db)).toEqual([]);
    db.close();
    const again = openDatabase(file);
    const versions = again.prepare('SELECT version FROM schema_migrations').pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    again.close();
  });

  it('refuses an event for a premise that does not exist', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      db.prepare("INSERT INTO events (premise_id, day, type) VALUES (42, 14000, 'surveyed')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('keeps the audit log append-only', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO audit_log (action, entity) VALUES ('create', 'premise')").run();
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
  });
});
