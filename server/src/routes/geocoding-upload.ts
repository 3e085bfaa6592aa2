import type { AddressFileFormat } from '../db/address-point-import';
import { ApiError } from '../http/api-error';

export interface Upload {
  bytes: Uint8Array;
  name?: string;
  format?: AddressFileFormat;
}

/**
 * The file of an upload, however it was sent: multipart/form-data with a `file` field (the page's
 * file picker), or the raw body — text/csv, application/json or application/geo+json, or
 * application/octet-stream (format then from the content).
 */
export async function readUpload(req: Request): Promise<Upload> {
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await req.formData();
    const file = form.get('file');
    if (!(file instanceof File)) {
      throw new ApiError(400, 'bad_request', 'file: expected the upload in a form field named "file"');
    }
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
  }
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.length === 0)
    throw new ApiError(400, 'bad_request', 'expected a CSV or GeoJSON file in the request body');
  if (type.includes('csv') || type.startsWith('text/plain')) return { bytes, format: 'csv' };
  if (type.includes('json')) return { bytes, format: 'geojson' };
  if (type === '' || type.startsWith('application/octet-stream')) return { bytes };
  throw new ApiError(
    415,
    'unsupported_media_type',
    `content-type ${type} is not an address file; send text/csv, application/geo+json or multipart/form-data`,
  );
}
