import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../migrations';
import { PG_MIGRATIONS } from './pg-migrations';

describe('the PostgreSQL migrations', () => {
  it('bring a record to the same version as SQLite’s, every later SQLite migration having its twin', () => {
    const sqlite = MIGRATIONS.map((m) => m.version);
    const pg = PG_MIGRATIONS.map((m) => m.version);
    expect(Math.max(...pg)).toBe(Math.max(...sqlite));
    // Version 14 is SQLite's 1–14 at once; each one after it is written for both stores.
    expect(pg).toEqual(sqlite.filter((v) => v >= 14));
  });
});
