import type { Db } from './open-database';

export type ImportItemAction = 'created' | 'merged' | 'event' | 'geometry' | 'address_point';

/** One thing a commit changed, with what it was before (for undo) and what it became. */
export interface ImportItem {
  rowNo: number | null;
  action: ImportItemAction;
  entity: 'premise' | 'event' | 'village' | 'township' | 'address_point';
  entityId: number;
  before?: unknown;
  after?: unknown;
}

/** An item's columns after import_id, as the INSERT below (and PostgreSQL's COPY) bind them. */
export function importItemValues(item: ImportItem): unknown[] {
  return [
    item.rowNo,
    item.action,
    item.entity,
    item.entityId,
    item.before === undefined ? null : JSON.stringify(item.before),
    item.after === undefined ? null : JSON.stringify(item.after),
  ];
}

/** A prepared recorder of what a commit changes: one statement, reused. */
export function itemRecorder(db: Db, importId: number): (item: ImportItem) => void {
  const stmt = db.prepare(
    'INSERT INTO import_items (import_id, row_no, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return (item) => stmt.run(importId, ...importItemValues(item));
}

export function listImportItems(db: Db, importId: number, action?: ImportItemAction): ImportItem[] {
  const rows = (
    action
      ? db
          .prepare(
            'SELECT row_no, action, entity, entity_id, before, after FROM import_items WHERE import_id = ? AND action = ? ORDER BY id',
          )
          .all(importId, action)
      : db
          .prepare(
            'SELECT row_no, action, entity, entity_id, before, after FROM import_items WHERE import_id = ? ORDER BY id',
          )
          .all(importId)
  ) as Record<string, unknown>[];
  return rows.map((r) => ({
    rowNo: r.row_no === null ? null : Number(r.row_no),
    action: r.action as ImportItemAction,
    entity: r.entity as ImportItem['entity'],
    entityId: Number(r.entity_id),
    before: r.before === null ? undefined : JSON.parse(String(r.before)),
    after: r.after === null ? undefined : JSON.parse(String(r.after)),
  }));
}
