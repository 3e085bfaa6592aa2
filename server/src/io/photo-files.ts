import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { Jimp } from 'jimp';
import { type Db, dialectOf } from '../db/open-database';
import { IMAGE_EXTENSIONS, type ImageMime, imageKind, imageSize } from '../domain/photos/image-kind';

/** The largest photo accepted: a phone's full-size JPEG is 2–6 MB. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** Larger than any phone camera's normal mode; more would take seconds and gigabytes to decode. */
export const MAX_PHOTO_PIXELS = 60_000_000;
/** The longest side of a thumbnail. */
export const THUMB_SIDE = 320;
/** A thumbnail made on the phone (for a WebP) may be a little larger than ours, no more. */
const MAX_CLIENT_THUMB_SIDE = 640;

/** A photo refused, with the status and code the API answers with. */
export class PhotoRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PreparedPhoto {
  mime: ImageMime;
  bytes: Uint8Array;
  width: number;
  height: number;
  sha256: string;
  thumb: { mime: 'image/jpeg' | 'image/png'; bytes: Uint8Array; width: number; height: number };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function decodeAndShrink(bytes: Uint8Array, mime: 'image/jpeg' | 'image/png', what: string) {
  let image: Awaited<ReturnType<typeof Jimp.read>>;
  try {
    image = await Jimp.read(Buffer.from(bytes));
  } catch {
    throw new PhotoRefused(422, 'unreadable_image', `${what} starts like a ${mime} but cannot be decoded`);
  }
  const original = { width: image.width, height: image.height };
  if (image.width > THUMB_SIDE || image.height > THUMB_SIDE)
    image.scaleToFit({ w: THUMB_SIDE, h: THUMB_SIDE });
  const thumb =
    mime === 'image/png'
      ? await image.getBuffer('image/png')
      : await image.getBuffer('image/jpeg', { quality: 80 });
  return {
    original,
    thumb: { mime, bytes: new Uint8Array(thumb), width: image.width, height: image.height },
  };
}

/**
 * Checks an uploaded photo by its bytes (JPEG, PNG or WebP by magic number; size; pixels) and makes
 * its thumbnail (at most 320 px a side) with jimp, pure JavaScript. jimp cannot decode WebP without
 * a WASM codec that does not load under Node 20, so a WebP is taken only with the thumbnail the
 * phone made (JPEG or PNG, checked the same way); without one it is refused with what to do.
 */
export async function preparePhoto(
  name: string,
  bytes: Uint8Array,
  clientThumb: Uint8Array | null,
): Promise<PreparedPhoto> {
  if (bytes.length === 0) throw new PhotoRefused(400, 'empty_file', `${name} is empty`);
  if (bytes.length > MAX_PHOTO_BYTES) {
    throw new PhotoRefused(
      413,
      'photo_too_large',
      `${name} is ${mb(bytes.length)}; a photo may be at most ${mb(MAX_PHOTO_BYTES)} (take it at a lower resolution)`,
    );
  }
  const mime = imageKind(bytes);
  if (!mime) {
    throw new PhotoRefused(
      415,
      'unsupported_image',
      `${name} is not a JPEG, PNG or WebP image (judged by its content)`,
    );
  }
  const size = imageSize(bytes, mime);
  if (!size) throw new PhotoRefused(422, 'unreadable_image', `${name}: the ${mime} header cannot be read`);
  if (size.width * size.height > MAX_PHOTO_PIXELS) {
    throw new PhotoRefused(
      413,
      'photo_too_large',
      `${name} is ${size.width}×${size.height} pixels; at most ${MAX_PHOTO_PIXELS / 1e6} megapixels`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (mime !== 'image/webp') {
    const { thumb } = await decodeAndShrink(bytes, mime, name);
    return { mime, bytes, ...size, sha256, thumb };
  }
  if (!clientThumb) {
    throw new PhotoRefused(
      415,
      'webp_needs_thumbnail',
      `${name} is WebP, which the server cannot shrink: send a JPEG or PNG thumbnail of it in the field "thumbnail", or send the photo as JPEG`,
    );
  }
  const thumbMime = imageKind(clientThumb);
  if (thumbMime !== 'image/jpeg' && thumbMime !== 'image/png') {
    throw new PhotoRefused(415, 'unsupported_image', `the thumbnail of ${name} is not a JPEG or PNG image`);
  }
  const thumbSize = imageSize(clientThumb, thumbMime);
  if (!thumbSize || thumbSize.width > MAX_CLIENT_THUMB_SIDE || thumbSize.height > MAX_CLIENT_THUMB_SIDE) {
    throw new PhotoRefused(
      422,
      'thumbnail_too_large',
      `the thumbnail of ${name} must be at most ${MAX_CLIENT_THUMB_SIDE} pixels a side (${THUMB_SIDE} is best)`,
    );
  }
  // Decoded all the same: a thumbnail that does not decode would show as a broken image.
  const { thumb } = await decodeAndShrink(clientThumb, thumbMime, `the thumbnail of ${name}`);
  return { mime, bytes, ...size, sha256, thumb };
}

/**
 * Where a photo's and its thumbnail's bytes are kept, by a path the photos table names: one folder
 * per premise, files named by a random id (never by the upload's name).
 */
export interface PhotoStore {
  /** Writes a photo and its thumbnail; returns their paths. */
  write(premiseId: number, photo: PreparedPhoto): { file: string; thumbFile: string };
  /** The bytes at a path, or null when there are none. */
  read(path: string): Uint8Array | null;
  /** Removes the bytes (a photo deleted, or one whose record could not be written); missing ones are fine. */
  remove(paths: readonly string[]): void;
}

/** Paths for a new photo and its thumbnail. */
function newPaths(premiseId: number, photo: PreparedPhoto): { file: string; thumbFile: string } {
  const id = randomUUID();
  return {
    file: `${premiseId}/${id}.${IMAGE_EXTENSIONS[photo.mime]}`,
    thumbFile: `${premiseId}/${id}.thumb.${IMAGE_EXTENSIONS[photo.thumb.mime]}`,
  };
}

/**
 * The photos of a record on PostgreSQL, kept in it (`photo_files`): every server sharing the record
 * shows every photo, with no shared folder. Written before the photo's row, as files are. Photos
 * uploaded before the record kept them (under DATA_DIR/photos) are still read from, and removed
 * from, that folder: `earlier`.
 */
export class PhotosInRecord implements PhotoStore {
  constructor(
    private readonly db: Db,
    private readonly earlier: PhotoStore,
  ) {}

  write(premiseId: number, photo: PreparedPhoto): { file: string; thumbFile: string } {
    const paths = newPaths(premiseId, photo);
    const insert = this.db.prepare('INSERT INTO photo_files (path, bytes) VALUES (?, ?)');
    this.db.transaction(() => {
      insert.run(paths.file, Buffer.from(photo.bytes));
      insert.run(paths.thumbFile, Buffer.from(photo.thumb.bytes));
    })();
    return paths;
  }

  read(path: string): Uint8Array | null {
    const bytes = this.db.prepare('SELECT bytes FROM photo_files WHERE path = ?').pluck().get(path);
    return bytes ? (bytes as Uint8Array) : this.earlier.read(path);
  }

  remove(paths: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM photo_files WHERE path = ?');
    for (const p of paths) remove.run(p);
    this.earlier.remove(paths);
  }
}

/** The photos of a SQLite record: files under DATA_DIR/photos (one server holds the record). */
export class PhotoFiles implements PhotoStore {
  constructor(readonly dir: string) {}

  write(premiseId: number, photo: PreparedPhoto): { file: string; thumbFile: string } {
    const paths = newPaths(premiseId, photo);
    this.writeAtomically(paths.file, photo.bytes);
    this.writeAtomically(paths.thumbFile, photo.thumb.bytes);
    return paths;
  }

  read(relative: string): Uint8Array | null {
    const path = this.path(relative);
    return existsSync(path) ? readFileSync(path) : null;
  }

  remove(relatives: readonly string[]): void {
    for (const r of relatives) rmSync(this.path(r), { force: true });
  }

  private writeAtomically(relative: string, bytes: Uint8Array): void {
    const target = this.path(relative);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.tmp`, bytes);
    renameSync(`${target}.tmp`, target);
  }

  private path(relative: string): string {
    const root = resolve(this.dir);
    const full = resolve(join(root, relative));
    if (!full.startsWith(root + sep)) throw new Error(`photo path outside the store: ${relative}`);
    return full;
  }
}

/** The photo store of a record: in it on PostgreSQL (several servers), files beside it on SQLite. */
export function photoStoreOf(db: Db, photosDir: string): PhotoStore {
  const files = new PhotoFiles(photosDir);
  return dialectOf(db) === 'postgres' ? new PhotosInRecord(db, files) : files;
}
