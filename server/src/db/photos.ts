import type { ImageMime } from '../domain/photos/image-kind';
import type { Db } from './open-database';

export interface PhotoRow {
  id: number;
  premiseId: number;
  /** The record (an inspection) the photo belongs to, if any. */
  eventId: number | null;
  /** Paths relative to the photos directory. */
  file: string;
  mime: ImageMime;
  bytes: number;
  width: number;
  height: number;
  thumbFile: string;
  thumbMime: 'image/jpeg' | 'image/png';
  thumbWidth: number;
  thumbHeight: number;
  sha256: string;
  uploadedBy: string | null;
  /** The device's id for the upload (a retry after a lost answer finds the photo by it), if sent. */
  clientId: string | null;
  createdAt: string;
}

const columns = `id, premise_id, event_id, file, mime, bytes, width, height, thumb_file, thumb_mime,
  thumb_width, thumb_height, sha256, uploaded_by, client_id, created_at`;

function toPhoto(r: Record<string, unknown>): PhotoRow {
  return {
    id: Number(r.id),
    premiseId: Number(r.premise_id),
    eventId: r.event_id === null ? null : Number(r.event_id),
    file: String(r.file),
    mime: r.mime as ImageMime,
    bytes: Number(r.bytes),
    width: Number(r.width),
    height: Number(r.height),
    thumbFile: String(r.thumb_file),
    thumbMime: r.thumb_mime as PhotoRow['thumbMime'],
    thumbWidth: Number(r.thumb_width),
    thumbHeight: Number(r.thumb_height),
    sha256: String(r.sha256),
    uploadedBy: (r.uploaded_by as string | null) ?? null,
    clientId: (r.client_id as string | null) ?? null,
    createdAt: String(r.created_at),
  };
}

export function insertPhoto(db: Db, p: Omit<PhotoRow, 'id' | 'createdAt'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO photos (premise_id, event_id, file, mime, bytes, width, height, thumb_file, thumb_mime,
           thumb_width, thumb_height, sha256, uploaded_by, client_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.premiseId,
        p.eventId,
        p.file,
        p.mime,
        p.bytes,
        p.width,
        p.height,
        p.thumbFile,
        p.thumbMime,
        p.thumbWidth,
        p.thumbHeight,
        p.sha256,
        p.uploadedBy,
        p.clientId,
      ).lastInsertRowid,
  );
}

export function getPhoto(db: Db, id: number): PhotoRow | null {
  const r = db.prepare(`SELECT ${columns} FROM photos WHERE id = ?`).get(id) as
    | Record<string, unknown>
    | undefined;
  return r ? toPhoto(r) : null;
}

/** The photo a device uploaded to the premise under `clientId`, if it did. */
export function photoByClientId(db: Db, premiseId: number, clientId: string): PhotoRow | null {
  const r = db
    .prepare(`SELECT ${columns} FROM photos WHERE premise_id = ? AND client_id = ?`)
    .get(premiseId, clientId) as Record<string, unknown> | undefined;
  return r ? toPhoto(r) : null;
}

/** A premise's photos, oldest first. */
export function listPhotos(db: Db, premiseId: number): PhotoRow[] {
  return (
    db.prepare(`SELECT ${columns} FROM photos WHERE premise_id = ? ORDER BY id`).all(premiseId) as Record<
      string,
      unknown
    >[]
  ).map(toPhoto);
}

/** Files the photos under a record. */
export function attachPhotos(db: Db, ids: readonly number[], eventId: number): void {
  const stmt = db.prepare('UPDATE photos SET event_id = ? WHERE id = ?');
  for (const id of ids) stmt.run(eventId, id);
}

export function deletePhoto(db: Db, id: number): void {
  db.prepare('DELETE FROM photos WHERE id = ?').run(id);
}
