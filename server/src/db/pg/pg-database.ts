import { PgQueryError, type QueryResult, SyncPg } from './sync-pg';
import { insertTarget, translateSql } from './translate-sql';

/** What a follower hears after a lost connection was made again: notices may have been missed. */
export const MISSED = '*missed';

/** Tables without an `id` column: an INSERT into them has no lastInsertRowid to return. */
const NO_ID = new Set([
  'import_rows',
  'sessions',
  'meta',
  'schema_migrations',
  'task_assignees',
  'model_snapshot_parts',
  'login_failures',
  'photo_files',
]);

type Params = unknown[];

/** better-sqlite3's arguments: values in order, an array of them, or one object of named (@name) values. */
function bind(sql: string, args: unknown[]): { sql: string; params: Params } {
  if (
    args.length === 1 &&
    args[0] !== null &&
    typeof args[0] === 'object' &&
    !Array.isArray(args[0]) &&
    !(args[0] instanceof Uint8Array)
  ) {
    const named = args[0] as Record<string, unknown>;
    const params: Params = [];
    const seen = new Map<string, number>();
    const text = sql.replace(/@([a-z_][a-z0-9_]*)/giu, (_, name: string) => {
      let index = seen.get(name);
      if (index === undefined) {
        params.push(named[name]);
        index = params.length;
        seen.set(name, index);
      }
      return `$${index}`;
    });
    return { sql: text, params };
  }
  return { sql, params: args.length === 1 && Array.isArray(args[0]) ? (args[0] as Params) : args };
}

/** A prepared statement with better-sqlite3's shape: run/get/all/iterate, pluck() and raw(). */
export class PgStatement {
  private plucking = false;
  private rawRows = false;
  private readonly text: string;
  private readonly returningId: boolean;

  constructor(
    private readonly pg: SyncPg,
    readonly source: string,
  ) {
    const translated = translateSql(source);
    const table = insertTarget(source);
    this.returningId = table !== null && !NO_ID.has(table) && !/\bRETURNING\b/iu.test(translated);
    this.text = this.returningId ? `${translated.trimEnd().replace(/;$/u, '')} RETURNING id` : translated;
  }

  pluck(toggle = true): this {
    this.plucking = toggle;
    return this;
  }

  raw(toggle = true): this {
    this.rawRows = toggle;
    return this;
  }

  private exec(args: unknown[]): QueryResult {
    const { sql, params } = bind(this.text, args);
    try {
      return this.pg.query(sql, params);
    } catch (err) {
      throw asSqliteConstraint(err);
    }
  }

  private shape(row: unknown[], fields: string[]): unknown {
    if (this.plucking) return row[0];
    if (this.rawRows) return row;
    const o: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      o[f] = row[i];
    });
    return o;
  }

  run(...args: unknown[]): { changes: number; lastInsertRowid: number } {
    const r = this.exec(args);
    return { changes: r.rowCount, lastInsertRowid: this.returningId && r.rows[0] ? Number(r.rows[0][0]) : 0 };
  }

  get(...args: unknown[]): unknown {
    const r = this.exec(args);
    return r.rows.length === 0 ? undefined : this.shape(r.rows[0], r.fields);
  }

  all(...args: unknown[]): unknown[] {
    const r = this.exec(args);
    return r.rows.map((row) => this.shape(row, r.fields));
  }

  *iterate(...args: unknown[]): IterableIterator<unknown> {
    const { sql, params } = bind(this.text, args);
    // Field names come with the first batch; plucked and raw rows need none.
    const fields =
      this.plucking || this.rawRows
        ? []
        : this.pg.query(`SELECT * FROM (${sql}) AS q LIMIT 0`, params).fields;
    for (const row of this.pg.cursor(sql, params)) yield this.shape(row as unknown[], fields);
  }
}

/**
 * PostgreSQL behind better-sqlite3's interface (the part the repositories use): prepare, exec,
 * transaction (nested ones as savepoints), pragma (the few that mean something), close. The
 * repositories stay one set of functions for both stores.
 */
export class PgDatabase {
  readonly dialect = 'postgres' as const;
  readonly pg: SyncPg;
  private depth = 0;
  private readonly statements = new Map<string, PgStatement>();

  /** The schema the record lives in (`?schema=` on the URL; else PostgreSQL's search path, `public`). */
  readonly schema: string | null;

  constructor(readonly url: string) {
    const { connection, schema } = splitSchema(url);
    this.schema = schema;
    this.pg = new SyncPg(connection, () => this.depth > 0);
    // The connection is made again by itself (sync-pg.ts); what others changed meanwhile is read
    // when it is back (follow-database.ts).
    this.pg.lost = (message) =>
      console.error(`the PostgreSQL connection was lost (${message}): connecting again`);
    if (schema) {
      // Servers starting at once on a new schema: PostgreSQL's IF NOT EXISTS is not safe against
      // itself (a duplicate key in its catalogue), so they take turns.
      try {
        this.pg.query('BEGIN');
        this.pg.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`shixiao:${schema}`]);
        this.pg.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        this.pg.query('COMMIT');
      } catch (err) {
        this.pg.close(); // its connection and thread with it: nobody else holds this object
        throw err;
      }
      // PostGIS and citext sit in public; the record's tables in its own schema (on every connection).
      this.pg.query(`SET search_path TO "${schema}", public`, [], { session: true });
    }
  }

  /**
   * Other servers' commits this one has heard of that may touch what it caches beside the premises
   * (villages, townships, the campaign): PRAGMA data_version's part on this store.
   */
  othersCommits = 0;
  private heard: string[] | null = null;
  private hearer: ((payload: string) => void) | null = null;

  /**
   * Starts listening for other servers' changes (NOTIFY shixiao_changes), keeping what is heard until
   * someone follows it: called before the model is built, so nothing committed meanwhile is missed.
   */
  startHearing(): void {
    if (this.heard) return;
    this.heard = [];
    const hear = (payload: string) => {
      if (this.hearer) this.hearer(payload);
      else this.heard?.push(payload);
    };
    this.pg.listen('shixiao_changes', (payload, own) => {
      if (!own) hear(payload); // this server folded its own writes in as it made them
    });
    // Back on a new connection: whatever was sent while it was down was never heard.
    this.pg.reconnected = () => hear(MISSED);
  }

  /** Hands what was heard so far, then each change as it comes, to `hearer`. */
  follow(hearer: (payload: string) => void): () => void {
    this.startHearing();
    this.hearer = hearer;
    for (const payload of this.heard?.splice(0) ?? []) hearer(payload);
    return () => {
      this.hearer = null;
    };
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  prepare(sql: string): PgStatement {
    // Each call gets its own statement (pluck/raw are per statement), sharing the translation.
    const cached = this.statements.get(sql);
    const stmt = new PgStatement(this.pg, sql);
    if (!cached) this.statements.set(sql, stmt);
    return stmt;
  }

  exec(sql: string): this {
    const s = sql.trim();
    // The ending statement is sent as part of its transaction (a lost connection refuses a COMMIT);
    // the transaction is over once it was sent, whatever came of it.
    const ends = /^(COMMIT|ROLLBACK)\b/iu.test(s);
    try {
      this.pg.query(translateSql(sql));
    } catch (err) {
      throw asSqliteConstraint(err);
    } finally {
      if (ends) this.depth = Math.max(0, this.depth - 1);
    }
    if (/^BEGIN\b/iu.test(s)) this.depth++;
    return this;
  }

  /** Like better-sqlite3's: a function that runs `fn` in a transaction, committed if it returns, rolled back if it throws. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      const outer = this.depth === 0;
      const savepoint = `sp${this.depth}`;
      this.pg.query(outer ? 'BEGIN' : `SAVEPOINT ${savepoint}`);
      this.depth++;
      let result: R;
      try {
        result = fn(...args);
        this.pg.query(outer ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
      } catch (err) {
        this.pg.query(outer ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}`);
        throw err;
      } finally {
        this.depth--;
      }
      return result;
    };
  }

  /** SQLite's pragmas that matter here answered for PostgreSQL; the rest do nothing (WAL, synchronous…). */
  pragma(text: string, opts: { simple?: boolean } = {}): unknown {
    const name = text.split(/[\s=(]/u)[0].toLowerCase();
    if (name === 'integrity_check' || name === 'quick_check') return opts.simple ? 'ok' : [{ [name]: 'ok' }];
    if (name === 'foreign_key_check') return [];
    if (name === 'data_version')
      return opts.simple ? this.othersCommits : [{ data_version: this.othersCommits }];
    return opts.simple ? undefined : [];
  }

  close(): void {
    this.pg.close();
  }
}

/**
 * A broken rule as SQLite reports it (its code and its `… constraint failed: table.column` text), so
 * the one mapping to a person's message (http/constraint-message.ts) serves both stores. Any other
 * error passes as it is.
 */
export function asSqliteConstraint(err: unknown): unknown {
  if (!(err instanceof PgQueryError)) return err;
  const { code, table, column, detail, constraint, message } = err.pg;
  const failed = (kind: string, text: string) =>
    Object.assign(new Error(text), { code: `SQLITE_CONSTRAINT_${kind}`, cause: err });
  switch (code) {
    case '23502':
      return failed('NOTNULL', `NOT NULL constraint failed: ${table}.${column}`);
    case '23505': {
      const columns = /^Key \(([^)]*)\)/u.exec(detail ?? '')?.[1]?.split(/,\s*/u) ?? [constraint ?? ''];
      return failed('UNIQUE', `UNIQUE constraint failed: ${columns.map((c) => `${table}.${c}`).join(', ')}`);
    }
    case '23514': {
      // PostgreSQL names a column's check <table>_<column>_check; a table's own check <table>_check[n].
      const named = new RegExp(`^${table}_(.+)_check\\d*$`, 'u').exec(constraint ?? '')?.[1];
      return failed('CHECK', `CHECK constraint failed: ${named ?? constraint}`);
    }
    case '23503':
      return failed('FOREIGNKEY', 'FOREIGN KEY constraint failed');
    case 'SX001': // refuse_change(): an append-only table's own words
      return failed('TRIGGER', message);
    default:
      return err;
  }
}

/**
 * Whether an error means PostgreSQL could not be reached or the connection broke under the request
 * (nothing of it kept) rather than anything wrong with the request: the connection is being made
 * again (sync-pg.ts), so the person may simply try again.
 */
export function databaseUnavailable(err: unknown): boolean {
  if (!(err instanceof PgQueryError)) return false;
  const code = err.code ?? '';
  // Ours (pg-worker.mjs), a connection exception (08…), an operator's intervention (57P…), or the
  // driver's own (no SQLSTATE: the socket closed, ECONNREFUSED).
  return code === 'SX002' || code === 'SX003' || /^(08|57P)/u.test(code) || !/^[0-9A-Z]{5}$/u.test(code);
}

/** `postgres://…?schema=name` → the URL PostgreSQL's driver takes and the schema (a plain identifier). */
export function splitSchema(url: string): { connection: string; schema: string | null } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  if (schema === null) return { connection: url, schema: null };
  if (!/^[a-z_][a-z0-9_]{0,62}$/u.test(schema))
    throw new Error(`DATABASE_URL: schema "${schema}" must be lower-case letters, digits and _`);
  parsed.searchParams.delete('schema');
  return { connection: parsed.toString(), schema };
}

export { PgQueryError };
