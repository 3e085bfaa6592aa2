import type { DrawPick } from '../domain/worklists/random-draw';
import { audit } from './audit';
import type { Db } from './open-database';

/** A random draw (双随机) as kept: everything needed to run it again and compare. */
export interface DrawRow {
  id: number;
  method: string;
  seed: string;
  seedSource: 'generated' | 'given';
  filter: unknown;
  /** Premise ids, ascending. */
  candidates: number[];
  pool: string[];
  premiseCount: number;
  perTeam: number;
  picks: DrawPick[];
  dueDay: number;
  note: string;
  drawnBy: string;
  drawnAt: string;
}

const columns = `id, method, seed, seed_source, filter, candidates, pool, premise_count, per_team, picks, due_day,
  note, drawn_by, drawn_at`;

function toDraw(r: Record<string, unknown>): DrawRow {
  return {
    id: Number(r.id),
    method: String(r.method),
    seed: String(r.seed),
    seedSource: r.seed_source as DrawRow['seedSource'],
    filter: JSON.parse(String(r.filter)),
    candidates: JSON.parse(String(r.candidates)),
    pool: JSON.parse(String(r.pool)),
    premiseCount: Number(r.premise_count),
    perTeam: Number(r.per_team),
    picks: JSON.parse(String(r.picks)),
    dueDay: Number(r.due_day),
    note: String(r.note),
    drawnBy: String(r.drawn_by),
    drawnAt: String(r.drawn_at),
  };
}

/** Keeps a draw (the table refuses any later change) and puts it on the audit log; returns its id. */
export function insertDraw(db: Db, d: Omit<DrawRow, 'id' | 'drawnAt'>): number {
  return db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO draws (method, seed, seed_source, filter, candidates, pool, premise_count, per_team, picks,
             due_day, note, drawn_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          d.method,
          d.seed,
          d.seedSource,
          JSON.stringify(d.filter),
          JSON.stringify(d.candidates),
          JSON.stringify(d.pool),
          d.premiseCount,
          d.perTeam,
          JSON.stringify(d.picks),
          d.dueDay,
          d.note,
          d.drawnBy,
        ).lastInsertRowid,
    );
    audit(db, {
      actor: d.drawnBy,
      action: 'create',
      entity: 'draw',
      entityId: id,
      after: {
        seed: d.seed,
        filter: d.filter,
        candidates: d.candidates.length,
        pool: d.pool,
        picks: d.picks,
      },
    });
    return id;
  })();
}

export function getDraw(db: Db, id: number): DrawRow | null {
  const r = db.prepare(`SELECT ${columns} FROM draws WHERE id = ?`).get(id) as
    | Record<string, unknown>
    | undefined;
  return r ? toDraw(r) : null;
}

/** Every draw, newest first. */
export function listDraws(db: Db): DrawRow[] {
  return (db.prepare(`SELECT ${columns} FROM draws ORDER BY id DESC`).all() as Record<string, unknown>[]).map(
    toDraw,
  );
}

/** The tasks a draw gave, as premise and team (usernames in the order given), by task id. */
export function drawTasks(db: Db, drawId: number): DrawPick[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.premise_id, u.username FROM tasks t
       JOIN task_assignees a ON a.task_id = t.id JOIN users u ON u.id = a.user_id
       WHERE t.draw_id = ? ORDER BY t.id, a.rowid`,
    )
    .raw()
    .all(drawId) as [number, number, string][];
  const out: DrawPick[] = [];
  let last = -1;
  for (const [taskId, premiseId, username] of rows) {
    if (taskId !== last) out.push({ premiseId, team: [] });
    out[out.length - 1].team.push(username);
    last = taskId;
  }
  return out;
}
