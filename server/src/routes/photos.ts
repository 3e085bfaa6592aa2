import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { deletePhoto, getPhoto, insertPhoto, type PhotoRow, photoByClientId } from '../db/photos';
import { getEventRecord } from '../db/premises';
import { imageKind } from '../domain/photos/image-kind';
import { ApiError, notFound } from '../http/api-error';
import { type AppEnv, actorOf } from '../http/auth';
import { premiseInScope } from '../http/premise-in-scope';
import { photoView } from '../http/premise-views';
import { idParam, validate } from '../http/validate';
import {
  MAX_PHOTO_BYTES,
  PhotoRefused,
  type PhotoStore,
  type PreparedPhoto,
  photoStoreOf,
  preparePhoto,
} from '../io/photo-files';

/** Photos sent in one request. */
const MAX_FILES = 10;

const files = z
  .union([z.instanceof(File), z.array(z.instanceof(File))], { message: 'expected a file' })
  .optional();

const uploadBody = z.object({
  /** The photos: JPEG, PNG or WebP, one or several under the same name. */
  file: files,
  /** For each WebP photo, in order: a JPEG or PNG thumbnail made on the device. */
  thumbnail: files,
  /** The record (e.g. an inspection) the photos belong to. */
  eventId: z.coerce.number({ message: 'expected a record id' }).int().positive().optional(),
  /**
   * The device's id for a one-photo upload: sent again (its answer lost on the way), the photo
   * already kept under it is answered, not stored twice.
   */
  clientId: z
    .string()
    .regex(/^[\w.:-]{8,80}$/, {
      message: 'expected an id made on the device (8–80 letters, digits, . : - _)',
    })
    .optional(),
});

const multipartOnly = createMiddleware(async (c, next) => {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw new ApiError(400, 'bad_request', 'send the photos as multipart/form-data in the field "file"');
  }
  await next();
});

const asList = (f: File | File[] | undefined) => (f === undefined ? [] : Array.isArray(f) ? f : [f]);

const bytesOf = async (f: File) => new Uint8Array(await f.arrayBuffer());

/** Reads and checks every photo before any is kept: one bad photo refuses the upload, with its name. */
async function prepareAll(photos: File[], thumbnails: File[]): Promise<PreparedPhoto[]> {
  const prepared: PreparedPhoto[] = [];
  let nextThumb = 0;
  for (const f of photos) {
    if (f.size > MAX_PHOTO_BYTES) {
      throw new PhotoRefused(
        413,
        'photo_too_large',
        `${f.name || 'the photo'} is larger than the 8 MB limit`,
      );
    }
    const bytes = await bytesOf(f);
    const isWebp = imageKind(bytes) === 'image/webp';
    const thumb = isWebp && thumbnails[nextThumb] ? await bytesOf(thumbnails[nextThumb++]) : null;
    prepared.push(await preparePhoto(f.name || 'the photo', bytes, thumb));
  }
  return prepared;
}

/** A photo's bytes for the browser, or a 404 in both languages when the store has none (a lost file). */
function sendFile(store: PhotoStore, photoId: number, file: string, mime: string) {
  const bytes = store.read(file);
  if (!bytes)
    throw new ApiError(
      404,
      'not_found',
      `the image of photo ${photoId} is missing from the photo store`,
      undefined,
      `照片 ${photoId} 的图像文件已缺失`,
    );
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': mime,
      'cache-control': 'private, max-age=86400, immutable',
      'content-disposition': 'inline',
    },
  });
}

/**
 * Photos on a premise's file, with a thumbnail made on upload: kept under DATA_DIR/photos/<premise>/
 * on SQLite, in the record on PostgreSQL (photoStoreOf).
 * Only JPEG, PNG and WebP, judged by their bytes, each at most 8 MB. Reading a photo needs the
 * premise to be in the reader's scope; deleting one is for its uploader or the admin, and audited.
 */
export function premisePhotoRoutes(ctx: AppContext) {
  const store = photoStoreOf(ctx.db, ctx.files.photosDir);
  return new Hono<AppEnv>().post(
    '/:id/photos',
    validate('param', z.object({ id: idParam })),
    multipartOnly,
    validate('form', uploadBody),
    async (c) => {
      const premise = premiseInScope(ctx, c, c.req.valid('param').id);
      const form = c.req.valid('form');
      const photos = asList(form.file);
      if (photos.length === 0)
        throw new ApiError(400, 'no_file', 'no photo in the upload; send it in the form field "file"');
      if (photos.length > MAX_FILES)
        throw new ApiError(400, 'too_many_files', `at most ${MAX_FILES} photos at a time`);
      if (form.clientId !== undefined && photos.length !== 1)
        throw new ApiError(
          400,
          'bad_request',
          'clientId: send one photo per upload when giving it an id',
          undefined,
          '带 clientId 上传时，每次只能传一张照片',
        );
      const known = form.clientId === undefined ? null : photoByClientId(ctx.db, premise.id, form.clientId);
      if (known) return c.json({ photos: [photoView(known)], replayed: true }, 200);
      if (form.eventId !== undefined && getEventRecord(ctx.db, form.eventId)?.premiseId !== premise.id) {
        throw new ApiError(
          400,
          'bad_request',
          `eventId: record ${form.eventId} is not a record of premise ${premise.id}`,
        );
      }
      let prepared: PreparedPhoto[];
      try {
        prepared = await prepareAll(photos, asList(form.thumbnail));
      } catch (e) {
        if (e instanceof PhotoRefused) throw new ApiError(e.status, e.code, e.message);
        throw e;
      }
      const actor = actorOf(c).username;
      // Every photo's bytes, or none: a write that fails takes back those before it.
      const written: ({ p: PreparedPhoto } & ReturnType<PhotoStore['write']>)[] = [];
      try {
        for (const p of prepared) written.push({ p, ...store.write(premise.id, p) });
      } catch (e) {
        store.remove(written.flatMap((w) => [w.file, w.thumbFile]));
        throw e;
      }
      let ids: number[];
      try {
        ids = ctx.db.transaction(() =>
          written.map(({ p, file, thumbFile }) => {
            const row: Omit<PhotoRow, 'id' | 'createdAt'> = {
              premiseId: premise.id,
              eventId: form.eventId ?? null,
              file,
              mime: p.mime,
              bytes: p.bytes.length,
              width: p.width,
              height: p.height,
              thumbFile,
              thumbMime: p.thumb.mime,
              thumbWidth: p.thumb.width,
              thumbHeight: p.thumb.height,
              sha256: p.sha256,
              uploadedBy: actor,
              clientId: form.clientId ?? null,
            };
            const id = insertPhoto(ctx.db, row);
            audit(ctx.db, {
              actor,
              action: 'create',
              entity: 'photo',
              entityId: id,
              after: {
                premiseId: premise.id,
                eventId: row.eventId,
                mime: row.mime,
                bytes: row.bytes,
                sha256: row.sha256,
              },
            });
            return id;
          }),
        )();
      } catch (e) {
        store.remove(written.flatMap((w) => [w.file, w.thumbFile]));
        // the same upload sent twice at once: the first one kept it
        const raced = form.clientId === undefined ? null : photoByClientId(ctx.db, premise.id, form.clientId);
        if (raced) return c.json({ photos: [photoView(raced)], replayed: true }, 200);
        throw e;
      }
      return c.json({ photos: ids.map((id) => photoView(getPhoto(ctx.db, id) as PhotoRow)) }, 201);
    },
  );
}

export function photoRoutes(ctx: AppContext) {
  const store = photoStoreOf(ctx.db, ctx.files.photosDir);
  const photoInScope = (c: Parameters<typeof premiseInScope>[1], id: number) => {
    const photo = getPhoto(ctx.db, id);
    if (!photo) throw notFound(`photo ${id}`);
    premiseInScope(ctx, c, photo.premiseId);
    return photo;
  };
  return new Hono<AppEnv>()
    .get('/:id', validate('param', z.object({ id: idParam })), (c) => {
      const photo = photoInScope(c, c.req.valid('param').id);
      return sendFile(store, photo.id, photo.file, photo.mime);
    })
    .get('/:id/thumb', validate('param', z.object({ id: idParam })), (c) => {
      const photo = photoInScope(c, c.req.valid('param').id);
      return sendFile(store, photo.id, photo.thumbFile, photo.thumbMime);
    })
    .delete('/:id', validate('param', z.object({ id: idParam })), (c) => {
      const photo = photoInScope(c, c.req.valid('param').id);
      const actor = actorOf(c);
      if (actor.role !== 'admin' && actor.username !== photo.uploadedBy) {
        throw new ApiError(
          403,
          'forbidden',
          `photo ${photo.id} was uploaded by someone else; only they or an admin may delete it`,
        );
      }
      ctx.db.transaction(() => {
        deletePhoto(ctx.db, photo.id);
        audit(ctx.db, {
          actor: actor.username,
          action: 'delete',
          entity: 'photo',
          entityId: photo.id,
          before: photoView(photo),
        });
      })();
      store.remove([photo.file, photo.thumbFile]);
      return c.json({ deleted: photoView(photo) });
    });
}
