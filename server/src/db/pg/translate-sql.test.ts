import { describe, expect, it } from 'vitest';
import { asSqliteConstraint, splitSchema } from './pg-database';
import { PgQueryError } from './sync-pg';
import { insertTarget, translateSql } from './translate-sql';

describe('the repositories’ SQL as PostgreSQL runs it', () => {
  it('numbers the placeholders, leaving quoted text and comments’ question marks alone', () => {
    expect(translateSql('SELECT ? AS a, \'?\' AS b, "x?" FROM t WHERE c = ? -- why?\n AND d = ?')).toBe(
      'SELECT $1 AS a, \'?\' AS b, "x?" FROM t WHERE c = $2 \n AND d = $3',
    );
  });

  it('gives a parameter tested only for null a type', () => {
    expect(translateSql('WHERE (? IS NULL OR v = ?) AND (? IS NOT NULL)')).toBe(
      'WHERE ($1::text IS NULL OR v = $2) AND ($3::text IS NOT NULL)',
    );
  });

  it('reads a JSON list as ids where the column is an id, else as text', () => {
    expect(translateSql('DELETE FROM premises WHERE id IN (SELECT value FROM json_each(?))')).toBe(
      'DELETE FROM premises WHERE id IN (SELECT json_array_elements_text($1::json)::bigint)',
    );
    expect(translateSql('WHERE code IN (SELECT value FROM json_each(@codes))')).toBe(
      'WHERE code IN (SELECT json_array_elements_text(@codes::json)::text)',
    );
  });

  it('turns SQLite’s clock, null, aggregate and conflict forms into PostgreSQL’s', () => {
    expect(translateSql("SELECT ifnull(a, 0), total(b), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")).toBe(
      `SELECT coalesce(a, 0), sum(b), to_char(timezone('UTC', now()), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    );
    expect(translateSql('INSERT OR IGNORE INTO t (a) VALUES (?)')).toBe(
      'INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING',
    );
    expect(translateSql('BEGIN IMMEDIATE')).toBe('BEGIN');
    expect(translateSql('ORDER BY a.task_id, a.rowid')).toBe('ORDER BY a.task_id, a.ctid');
    expect(insertTarget('INSERT OR IGNORE INTO premises (a) VALUES (1)')).toBe('premises');
  });
});

describe('PostgreSQL’s broken rules, told as SQLite tells them', () => {
  const pgError = (fields: Record<string, string>) =>
    new PgQueryError({ message: 'x', ...fields }, 'INSERT …');

  it('names the table and column of a unique, not-null or check failure', () => {
    const unique = asSqliteConstraint(
      pgError({ code: '23505', table: 'premises', detail: 'Key (archive_no)=(DQ-1) already exists.' }),
    ) as Error & { code: string };
    expect(unique.code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(unique.message).toBe('UNIQUE constraint failed: premises.archive_no');
    expect(unique.message).not.toContain('DQ-1'); // the value stays out of the message
    const missing = asSqliteConstraint(pgError({ code: '23502', table: 'villages', column: 'township_id' }));
    expect((missing as Error).message).toBe('NOT NULL constraint failed: villages.township_id');
    const check = asSqliteConstraint(
      pgError({ code: '23514', table: 'address_points', constraint: 'address_points_lat_check' }),
    );
    expect((check as Error).message).toBe('CHECK constraint failed: lat');
    expect((asSqliteConstraint(pgError({ code: '23503' })) as { code: string }).code).toBe(
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
  });

  it('passes any other error as it is', () => {
    const other = pgError({ code: '42P01' });
    expect(asSqliteConstraint(other)).toBe(other);
  });

  it('takes the schema from the URL, refusing a name that is not a plain identifier', () => {
    expect(splitSchema('postgres://u:p@h:5432/db?schema=shixiao')).toEqual({
      connection: 'postgres://u:p@h:5432/db',
      schema: 'shixiao',
    });
    expect(() => splitSchema('postgres://h/db?schema=x;drop')).toThrow(/lower-case letters/);
  });
});
