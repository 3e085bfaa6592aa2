import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
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
        ).toJSON(),
        413,
      ),
  });
}

/** The uploaded files (form fields `file` and `files`, one or many) and the other form fields as text. */
export async function readUpload(
  c: Context,
): Promise<{ files: UploadedFile[]; fields: Record<string, string> }> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new ImportError('send the file as multipart/form-data with the field "file"', 400, 'bad_request');
  }
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (err) {
    throw new ImportError(`the upload could not be read: ${(err as Error).message}`, 400, 'bad_request');
  }
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') fields[key] = v;
      else if (key === 'file' || key === 'files' || key === 'file[]' || key === 'files[]') {
        files.push({ name: v.name || 'upload', bytes: new Uint8Array(await v.arrayBuffer()) });
      }
    }
  }
  if (files.length === 0)
    throw new ImportError('no file in the upload; send it in the form field "file"', 400, 'no_file');
  return { files, fields };
}
