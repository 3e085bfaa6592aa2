import { CATEGORY_CODES, type CategoryCode } from '../domain/categories';
import { defaultStandardItems } from '../domain/inspection/default-standards';
import type { Standard, StandardItem } from '../domain/inspection/standard';
import type { Db } from './open-database';

const columns = 'category, version, items, note, created_by, created_at';

function toStandard(r: Record<string, unknown>): Standard {
  return {
    category: r.category as CategoryCode,
    version: Number(r.version),
    items: JSON.parse(String(r.items)) as StandardItem[],
    note: String(r.note),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: String(r.created_at),
  };
}

/** The newest version of every trade's checklist that has one. */
export function currentStandards(db: Db): Standard[] {
  return (
    db
      .prepare(
        `SELECT ${columns} FROM standards s
         WHERE version = (SELECT max(version) FROM standards WHERE category = s.category)
         ORDER BY category`,
      )
      .all() as Record<string, unknown>[]
  ).map(toStandard);
}

export function currentStandard(db: Db, category: CategoryCode): Standard | null {
  const r = db
    .prepare(`SELECT ${columns} FROM standards WHERE category = ? ORDER BY version DESC LIMIT 1`)
    .get(category) as Record<string, unknown> | undefined;
  return r ? toStandard(r) : null;
}

export function standardVersion(db: Db, category: CategoryCode, version: number): Standard | null {
  const r = db
    .prepare(`SELECT ${columns} FROM standards WHERE category = ? AND version = ?`)
    .get(category, version) as Record<string, unknown> | undefined;
  return r ? toStandard(r) : null;
}

/** Every version of a trade's checklist, newest first. */
export function standardVersions(db: Db, category: CategoryCode): Standard[] {
  return (
    db
      .prepare(`SELECT ${columns} FROM standards WHERE category = ? ORDER BY version DESC`)
      .all(category) as Record<string, unknown>[]
  ).map(toStandard);
}

/** Adds the next version of a trade's checklist (older versions stay as they were); returns it. */
export function addStandardVersion(
  db: Db,
  s: { category: CategoryCode; items: StandardItem[]; note: string; createdBy: string | null },
): Standard {
  const version =
    Number(
      db.prepare('SELECT ifnull(max(version), 0) FROM standards WHERE category = ?').pluck().get(s.category),
    ) + 1;
  db.prepare('INSERT INTO standards (category, version, items, note, created_by) VALUES (?, ?, ?, ?, ?)').run(
    s.category,
    version,
    JSON.stringify(s.items),
    s.note,
    s.createdBy,
  );
  return standardVersion(db, s.category, version) as Standard;
}

/** Gives every trade without a checklist the plan's default as version 1 (at start; does nothing twice). */
export function seedStandards(db: Db): void {
  const have = new Set(db.prepare('SELECT DISTINCT category FROM standards').pluck().all() as string[]);
  const missing = CATEGORY_CODES.filter((c) => !have.has(c));
  if (missing.length === 0) return;
  db.transaction(() => {
    for (const category of missing) {
      addStandardVersion(db, {
        category,
        items: defaultStandardItems(category),
        note: '依据整治方案初始化（无证照、脏乱差、假冒伪劣、设施不达标、超范围经营）',
        createdBy: null,
      });
    }
  })();
}
