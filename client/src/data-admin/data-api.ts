import type { hc, InferResponseType } from 'hono/client';
import type { AppType } from '../../../server/src/app';
import { ApiRequestError } from '../api';

type Client = ReturnType<typeof hc<AppType>>;
type Imports = Client['api']['imports'];
type Staged = InferResponseType<Imports['premises']['$post'], 201>;

/** A staged premise list: its columns with the guessed mapping, the fields, a preview. */
export type StagedPremises = Extract<Staged, { columns: unknown }>;
/** A staged boundary upload: its features with their matches, ready to preview. */
export type BoundaryPreview = Extract<
  InferResponseType<Imports['boundaries']['$post'], 201>,
  { features: unknown }
>;
export type Validation = Extract<
  InferResponseType<Imports[':id']['validate']['$post'], 200>,
  { errors: unknown }
>;
export type DuplicateRow = Validation['duplicates'][number];
export type RowIssue = Validation['errors'][number];
export type ImportProgress = InferResponseType<Imports[':id']['progress']['$get'], 200>;
export type ImportSummary = InferResponseType<Imports['$get'], 200>['imports'][number];
export type ReviewPage = InferResponseType<Client['api']['geocode']['reviews']['$get'], 200>;
export type ReviewItem = ReviewPage['items'][number];
export type Placement = InferResponseType<Client['api']['geocode']['reviews'][':premiseId']['$post'], 200>;
export type Decision = 'skip' | 'merge' | 'new';

async function send<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiRequestError(res.status, message);
  }
  return (await res.json()) as T;
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export function uploadPremiseList(file: File, options: Record<string, string>): Promise<StagedPremises> {
  const form = new FormData();
  form.append('file', file);
  for (const [k, v] of Object.entries(options)) if (v) form.append(k, v);
  return send('/api/imports/premises', { method: 'POST', body: form });
}

export function putMapping(
  id: number,
  mapping: Record<string, number | null>,
  options?: Record<string, unknown>,
): Promise<StagedPremises> {
  return send(`/api/imports/${id}/mapping`, json('PUT', { mapping, ...(options ? { options } : {}) }));
}

export function validateImport(id: number): Promise<Validation> {
  return send(`/api/imports/${id}/validate`, { method: 'POST' });
}

/** Starts the commit in the background (the server answers 202 at once); poll `importProgress`. */
export function startCommit(
  id: number,
  decisions: { duplicates: Decision; rows: Record<string, Decision> },
): Promise<{ importId: number }> {
  return send(`/api/imports/${id}/commit?wait=0`, json('POST', decisions));
}

export function importProgress(id: number): Promise<ImportProgress> {
  return send(`/api/imports/${id}/progress`);
}

export function listImports(): Promise<ImportSummary[]> {
  return send<{ imports: ImportSummary[] }>('/api/imports').then((r) => r.imports);
}

export function getImport(id: number): Promise<{ result: unknown; state: string }> {
  return send(`/api/imports/${id}`);
}

export function undoImport(id: number, force: boolean): Promise<unknown> {
  return send(`/api/imports/${id}/undo`, json('POST', { force }));
}

export function errorReportUrl(id: number): string {
  return `/api/imports/${id}/errors.csv`;
}

export function fetchReviews(): Promise<ReviewPage> {
  return send('/api/geocode/reviews?limit=500');
}

export function placePremise(premiseId: number, lngLat: [number, number]): Promise<Placement> {
  return send(`/api/geocode/reviews/${premiseId}`, json('POST', { lngLat }));
}

export function uploadBoundaries(files: File[], fields: Record<string, string>): Promise<BoundaryPreview> {
  const form = new FormData();
  for (const f of files) form.append('files', f);
  for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
  return send('/api/imports/boundaries', { method: 'POST', body: form });
}

export interface BoundaryCommitResult {
  replaced: number;
  created: number;
  skipped: number;
  premisesOutsideTheirVillage: number;
}

export function commitBoundaries(
  id: number,
  features: Record<string, number | 'new' | 'skip'>,
): Promise<BoundaryCommitResult> {
  return send(`/api/imports/boundaries/${id}/commit`, json('POST', { features }));
}
