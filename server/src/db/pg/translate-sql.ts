/**
 * The repositories' SQL (written for SQLite, kept to what both engines share) as PostgreSQL runs
 * it. Mechanical differences only: `?` placeholders become `$1…`; SQLite's clock and null and JSON
 * functions their PostgreSQL equivalents; INSERT OR IGNORE an ON CONFLICT DO NOTHING. Text inside
 * quotes is never touched. Anything else that differs is written portably at its call site.
 */
export function translateSql(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = closingQuote(sql, i);
      out += sql.slice(i, end);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (c === '?') {
      // A parameter tested only for null has no type PostgreSQL could infer: call it text.
      out += /^\s+IS\s+(?:NOT\s+)?NULL\b/iu.test(sql.slice(i + 1, i + 20)) ? `$${++n}::text` : `$${++n}`;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return rewrite(out);
}

function closingQuote(sql: string, start: number): number {
  const q = sql[start];
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === q) {
      if (sql[i + 1] === q)
        i += 2; // an escaped quote
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

const NOW_ISO = `to_char(timezone('UTC', now()), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A list bound as one JSON array text (`x IN (SELECT value FROM json_each(?))`): ids as numbers, else text. */
function jsonList(_: string, left: string, param: string): string {
  const type = /(?:^|[._])id$/u.test(left) ? 'bigint' : 'text';
  return `${left} IN (SELECT json_array_elements_text(${param}::json)::${type})`;
}

function rewrite(sql: string): string {
  let s = sql
    .replace(/^\s*BEGIN\s+(?:IMMEDIATE|DEFERRED|EXCLUSIVE)\b/iu, 'BEGIN')
    .replace(/([\w.]+)\s+IN\s+\(\s*SELECT\s+value\s+FROM\s+json_each\(\s*(\$\d+|@\w+)\s*\)\s*\)/giu, jsonList)
    .replace(/\b(\w+)\.rowid\b/gu, '$1.ctid')
    .replace(/\btotal\(/giu, 'sum(')
    .replace(
      /lower\(\s*hex\(\s*randomblob\(\s*16\s*\)\s*\)\s*\)/giu,
      'md5(random()::text || clock_timestamp()::text)',
    )
    .replace(
      /strftime\(\s*'%Y-%m-%dT%H:%M:%fZ'\s*,\s*(\w+)\s*,\s*'\+0\.001 seconds'\s*\)/giu,
      `to_char(timezone('UTC', $1::timestamptz + interval '1 millisecond'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    )
    .replace(/strftime\(\s*'%Y-%m-%dT%H:%M:%fZ'\s*,\s*'now'\s*\)/giu, NOW_ISO)
    .replace(/\bifnull\s*\(/giu, 'coalesce(')
    .replace(/json_extract\(\s*([\w.]+)\s*,\s*'\$\.(\w+)'\s*\)/giu, "($1::json ->> '$2')");
  if (/^\s*INSERT\s+OR\s+IGNORE\s+INTO\b/iu.test(s)) {
    s = s.replace(/^\s*INSERT\s+OR\s+IGNORE\s+INTO\b/iu, 'INSERT INTO');
    s = /\bRETURNING\b/iu.test(s)
      ? s.replace(/\bRETURNING\b/iu, 'ON CONFLICT DO NOTHING RETURNING')
      : `${s.trimEnd().replace(/;$/u, '')} ON CONFLICT DO NOTHING`;
  }
  return s;
}

/** The table an INSERT writes to, for adding `RETURNING id` (SQLite's lastInsertRowid). */
export function insertTarget(sql: string): string | null {
  const m = /^\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+([a-z_][a-z0-9_]*)/iu.exec(sql);
  return m ? m[1].toLowerCase() : null;
}
