import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { ImportError } from '../domain/import/import-error';
import type { UploadedFile } from '../io/unzip-upload';
import { ApiError } from './api-error';

/** The largest upload accepted (a township's survey list is a few MB; 100,000 rows ≈ 15 MB). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Refuses a body over `maxBytes` with 413 and a message saying the limit. */
export function uploadLimit(maxBytes = MAX_UPLOAD_BYTES) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json(
        new ApiError(
          413,
          'payload_too_large',
          `the upload is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit; split the file or import it with the CLI`,
          undefined,
          `上传的文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 的上限；请把文件拆成几份分别导入，或用命令行（npm run cli -- import）导入`,
        ).toJSON(),
        413,
      ),
  });
}

/** A file field of a form: one file, or several sent under the same name. */
const fileField = z
  .union([z.instanceof(File), z.array(z.instanceof(File))], { message: 'expected a file' })
  .optional();

/**
 * The schema of a multipart upload (for `validate('form', …)`): the file in the field `file` (or
 * several in `files`) and the text fields of `shape`. Other fields are ignored.
 */
export function uploadForm<S extends z.ZodRawShape>(shape: S) {
  return z.object({ file: fileField, files: fileField, ...shape });
}

/** Refuses anything but multipart/form-data before the body is read, saying how to send the file. */
export const multipartOnly = createMiddleware(async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new ImportError(
      {
        en: 'send the file as multipart/form-data with the field "file"',
        zh: '请以表单方式上传文件（字段名 file）',
      },
      400,
      'bad_request',
    );
  }
  await next();
});

/** The files of a validated upload form, read into memory; a 400 when there is none. */
export async function uploadedFiles(form: {
  file?: File | File[];
  files?: File | File[];
}): Promise<UploadedFile[]> {
  const files = [form.file ?? [], form.files ?? []].flat();
  if (files.length === 0)
    throw new ImportError(
      {
        en: 'no file in the upload; send it in the form field "file"',
        zh: '没有收到文件，请选择要上传的文件',
      },
      400,
      'no_file',
    );
  return Promise.all(
    files.map(async (f) => ({ name: f.name || 'upload', bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}
