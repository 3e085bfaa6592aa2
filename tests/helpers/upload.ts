import type { createApp } from '../../server/src/app';

type App = ReturnType<typeof createApp>;

/** POSTs files (and form fields) as multipart/form-data, the way the page's file picker does. */
export function upload(
  app: App,
  path: string,
  files: { name: string; bytes: Uint8Array | string }[],
  fields: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const f of files) form.append('file', new File([f.bytes as BlobPart], f.name));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return Promise.resolve(app.request(path, { method: 'POST', body: form }));
}

/** Sends JSON (or no body) with `method`. */
export function sendJson(app: App, method: string, path: string, body?: unknown): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    }),
  );
}
