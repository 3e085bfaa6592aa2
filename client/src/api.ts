import type { DepartmentCode } from '@domain/auth/roles';
import type {
  dueSoonItems,
  expiringLicenceItems,
  reboundItems,
  repeatFailureItems,
  WorkItem,
} from '@domain/worklists/work-lists';
import type { WorklistKey } from '@domain/worklists/worklist-sheet';
import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../server/src/app';
import { ApiRequestError, ok } from './api-errors';
import type { PremiseExportQuery } from './lib/export-query';
import {
  decodePremiseCells,
  decodePremises,
  type PremiseCellsData,
  type PremisesData,
} from './lib/premises-binary';
import type { VillageCollection } from './lib/village-types';

export { ApiRequestError, errorText } from './api-errors';

/** Typed calls to our own server, by path: the page never talks to another host. */
const client = hc<AppType>('/');

export type CampaignInfo = InferResponseType<typeof client.api.campaign.$get, 200>;
export type StatusSeries = InferResponseType<typeof client.api.stats.series.$get, 200>;
export type PremiseFile = InferResponseType<(typeof client.api.premises)[':id']['$get'], 200>;

export async function fetchCampaign(init?: RequestInit): Promise<CampaignInfo> {
  return (await ok(await client.api.campaign.$get(undefined, { init }))).json() as Promise<CampaignInfo>;
}

export type SetupStatus = InferResponseType<typeof client.api.setup.$get, 200>;
/** What the set-up form sends: the township's chain, the campaign's name and dates, the plan's goals. */
export type CampaignSetupInput = Parameters<typeof client.api.campaign.$put>[0]['json'];

export async function fetchSetup(init?: RequestInit): Promise<SetupStatus> {
  return (await ok(await client.api.setup.$get(undefined, { init }))).json();
}

/** Adds a township to the district by name and 12-digit code; its village boundaries are imported next. */
export async function addTownship(name: string, code: string) {
  return (await ok(await client.api.setup.townships.$post({ json: { name, code } }))).json();
}

/** Sets the township and campaign up, or revises them (the office); answers the campaign as GET does. */
export async function putCampaign(json: CampaignSetupInput): Promise<CampaignInfo> {
  return (await ok(await client.api.campaign.$put({ json }))).json() as Promise<CampaignInfo>;
}

export async function fetchVillages(init?: RequestInit): Promise<VillageCollection> {
  const res = await ok(await client.api.villages.$get({ query: {} }, { init }));
  return (await res.json()) as unknown as VillageCollection;
}

export async function fetchPremisesLayer(init?: RequestInit): Promise<PremisesData> {
  const res = await ok(await client.api.layers.premises.$get({ query: {} }, { init }));
  return decodePremises(await res.arrayBuffer());
}

export type PremisesLayerInfo = InferResponseType<typeof client.api.layers.premises.info.$get, 200>;

/** How big the premises layer is, and whether the page may take it whole. */
export async function fetchPremisesLayerInfo(init?: RequestInit): Promise<PremisesLayerInfo> {
  return (await ok(await client.api.layers.premises.info.$get(undefined, { init }))).json();
}

/** The premises inside a box [west, south, east, north] (a big record's points, zoomed in), of one township when drilled in. */
export async function fetchPremisesInBox(
  box: readonly number[],
  township: number | null,
  init?: RequestInit,
): Promise<PremisesData> {
  const query = { bbox: box.join(','), ...townshipParam(township) };
  const res = await client.api.layers.premises.$get({ query }, { init });
  return decodePremises(await (await ok(res)).arrayBuffer());
}

/** A big record's premises summed into cells for zoom `z` (see decodePremiseCells). */
export async function fetchPremiseCells(
  z: number,
  box: readonly number[],
  filter: {
    categories: readonly string[] | null;
    statuses: readonly string[] | null;
    village: number | null;
  },
  township: number | null,
  init?: RequestInit,
): Promise<PremiseCellsData> {
  const query = {
    z: String(z),
    bbox: box.join(','),
    ...townshipParam(township),
    ...(filter.village !== null ? { village: String(filter.village) } : {}),
    ...(filter.categories ? { categories: filter.categories.join(',') } : {}),
    ...(filter.statuses ? { statuses: filter.statuses.join(',') } : {}),
  };
  const res = await client.api.layers.premises.cells.$get({ query }, { init });
  return decodePremiseCells(await (await ok(res)).arrayBuffer());
}

/** What /api/stats and its series count: one village or all, some categories (their union) or all (null). */
export interface StatsFilter {
  village: number | null;
  categories: readonly string[] | null;
}

function statsFilterQuery(filter: StatsFilter) {
  return {
    ...(filter.village !== null ? { village: String(filter.village) } : {}),
    ...(filter.categories !== null ? { categories: filter.categories.join(',') } : {}),
  };
}

export async function fetchSeries(filter: StatsFilter, init?: RequestInit): Promise<StatusSeries> {
  const query = statsFilterQuery(filter);
  return (await ok(await client.api.stats.series.$get({ query }, { init }))).json() as Promise<StatusSeries>;
}

export type DayStats = InferResponseType<typeof client.api.stats.$get, 200>;

/** The server's counts on `at` (the page's first numbers, before the premises layer has arrived). */
export async function fetchStats(at: string, filter: StatsFilter, init?: RequestInit): Promise<DayStats> {
  const query = { at, ...statsFilterQuery(filter) };
  return (await ok(await client.api.stats.$get({ query }, { init }))).json() as Promise<DayStats>;
}

export async function fetchPremise(id: number, at: string | null, init?: RequestInit): Promise<PremiseFile> {
  const res = await client.api.premises[':id'].$get(
    { param: { id: String(id) }, query: at ? { at } : {} },
    { init },
  );
  return (await ok(res)).json() as Promise<PremiseFile>;
}

/** Where the map style lives (the offline township basemap). */
export const BASEMAP_STYLE_PATH = '/api/basemap/style.json';

type AreasClient = typeof client.api.areas;
export type SavedArea = InferResponseType<AreasClient['$get'], 200>['areas'][number];
export type AreaStatsAnswer = InferResponseType<AreasClient['stats']['$post'], 200>;
export type AreaSeriesAnswer = InferResponseType<AreasClient['series']['$post'], 200>;
export type AreaPremisePage = InferResponseType<AreasClient['premises']['$post'], 200>;
export type AreaPremise = AreaPremisePage['premises'][number];
/** The fields of a key area a person writes (the geometry is a GeoJSON Polygon or MultiPolygon). */
export type AreaFieldsInput = Pick<
  SavedArea,
  'name' | 'reason' | 'note' | 'activeFrom' | 'activeTo' | 'geometry'
>;

/** The saved key areas, with their headline numbers on `at` (default: the campaign's last day). */
export async function fetchAreas(init?: RequestInit, at?: string): Promise<SavedArea[]> {
  const res = await ok(await client.api.areas.$get({ query: at ? { at } : {} }, { init }));
  return ((await res.json()) as { areas: SavedArea[] }).areas;
}

export async function createArea(fields: AreaFieldsInput): Promise<SavedArea> {
  return (await ok(await client.api.areas.$post({ json: fields }))).json() as Promise<SavedArea>;
}

export async function updateArea(id: number, fields: Partial<AreaFieldsInput>): Promise<SavedArea> {
  const res = await client.api.areas[':id'].$put({ param: { id: String(id) }, json: fields });
  return (await ok(res)).json() as Promise<SavedArea>;
}

export async function deleteArea(id: number): Promise<void> {
  await ok(await client.api.areas[':id'].$delete({ param: { id: String(id) } }));
}

/** What a shape holds on `at`, counted by the server (the reference the panel is checked against). */
export async function fetchAreaStats(
  geometry: unknown,
  at: string,
  init?: RequestInit,
): Promise<AreaStatsAnswer> {
  const res = await client.api.areas.stats.$post({ json: { geometry, at } }, { init });
  return (await ok(res)).json() as Promise<AreaStatsAnswer>;
}

export async function fetchAreaSeries(geometry: unknown, init?: RequestInit): Promise<AreaSeriesAnswer> {
  const res = await client.api.areas.series.$post({ json: { geometry, stepDays: 7 } }, { init });
  return (await ok(res)).json() as Promise<AreaSeriesAnswer>;
}

export async function fetchAreaPremises(
  geometry: unknown,
  at: string,
  page: number,
  pageSize: number,
  init?: RequestInit,
): Promise<AreaPremisePage> {
  const res = await client.api.areas.premises.$post({ json: { geometry, at, page, pageSize } }, { init });
  return (await ok(res)).json() as Promise<AreaPremisePage>;
}

/** The premises inside as the server's CSV (BOM, formulas neutralised). */
export async function fetchAreaPremisesCsv(geometry: unknown, at: string): Promise<Blob> {
  return (await ok(await client.api.areas['premises.csv'].$post({ json: { geometry, at } }))).blob();
}

type ImportsClient = typeof client.api.imports;
type ImportCall = ImportsClient[':id'];
/** A staged premise list: its columns with the guessed mapping, the fields, a preview. */
export type StagedPremises = InferResponseType<ImportsClient['premises']['$post'], 201>;
/** A staged boundary upload: its features with their matches, ready to preview. */
export type BoundaryPreview = InferResponseType<ImportsClient['boundaries']['$post'], 201>;
export type BoundaryCommitResult = InferResponseType<
  ImportsClient['boundaries'][':id']['commit']['$post'],
  200
>;
/** A premise list's dry run. */
export type Validation = Extract<
  InferResponseType<ImportCall['validate']['$post'], 200>,
  { errors: unknown }
>;
export type ImportProgress = InferResponseType<ImportCall['progress']['$get'], 200>;
export type ImportSummary = InferResponseType<ImportsClient['$get'], 200>['imports'][number];
/** A door-plate import: counts, the problems by row and column, and what was assumed. */
export type AddressImport = InferResponseType<ImportsClient['addresses']['$post'], 201>;
export type Decision = 'skip' | 'merge' | 'new';
type GeocodeClient = typeof client.api.geocode;
export type ReviewPage = InferResponseType<GeocodeClient['reviews']['$get'], 200>;
export type ReviewItem = ReviewPage['items'][number];
export type Placement = InferResponseType<GeocodeClient['reviews'][':premiseId']['$post'], 200>;

const id = (n: number) => ({ id: String(n) });

export async function uploadPremiseList(
  file: File,
  options: { crs?: string; surveyDate?: string; defaultCategory?: string },
): Promise<StagedPremises> {
  const form = {
    file,
    crs: options.crs || undefined,
    surveyDate: options.surveyDate || undefined,
    defaultCategory: options.defaultCategory || undefined,
  };
  return (await ok(await client.api.imports.premises.$post({ form }))).json();
}

export async function putMapping(
  importId: number,
  mapping: Record<string, number | null>,
): Promise<StagedPremises> {
  const res = await client.api.imports[':id'].mapping.$put({ param: id(importId), json: { mapping } });
  return (await ok(res)).json() as Promise<StagedPremises>;
}

export async function validateImport(importId: number): Promise<Validation> {
  const res = await client.api.imports[':id'].validate.$post({ param: id(importId), query: {} });
  return (await ok(res)).json() as Promise<Validation>;
}

/** Starts the commit in the background (the server answers 202 at once); poll `importProgress`. */
export async function startCommit(
  importId: number,
  decisions: { duplicates: Decision; rows: Record<string, Decision> },
): Promise<void> {
  await ok(
    await client.api.imports[':id'].commit.$post({
      param: id(importId),
      query: { wait: '0' },
      json: decisions,
    }),
  );
}

export async function importProgress(importId: number): Promise<ImportProgress> {
  return (await ok(await client.api.imports[':id'].progress.$get({ param: id(importId) }))).json();
}

export async function listImports(): Promise<ImportSummary[]> {
  return (await (await ok(await client.api.imports.$get())).json()).imports;
}

/** What a finished import did (its `result`), whatever its kind. */
export async function importResult(importId: number): Promise<unknown> {
  const job = await (await ok(await client.api.imports[':id'].$get({ param: id(importId) }))).json();
  return 'result' in job ? job.result : job;
}

export async function undoImport(importId: number, force: boolean): Promise<void> {
  await ok(await client.api.imports[':id'].undo.$post({ param: id(importId), json: { force } }));
}

/** Abandons a staged import: it will not be committed, and the server deletes its uploaded rows. */
export async function abandonImport(importId: number): Promise<ImportSummary> {
  return (await ok(await client.api.imports[':id'].$delete({ param: id(importId) }))).json();
}

/** Where an import's error report (CSV, every problem) downloads from. */
export function errorReportUrl(importId: number): string {
  return client.api.imports[':id']['errors.csv'].$path({ param: id(importId) });
}

export async function uploadBoundaries(
  files: File[],
  fields: { level: 'village' | 'township'; crs?: string; township?: string },
): Promise<BoundaryPreview> {
  const form = {
    files,
    level: fields.level,
    crs: fields.crs || undefined,
    township: fields.township || undefined,
  };
  return (await ok(await client.api.imports.boundaries.$post({ form }))).json();
}

export async function commitBoundaries(
  importId: number,
  features: Record<string, number | 'new' | 'skip'>,
): Promise<BoundaryCommitResult> {
  const res = await client.api.imports.boundaries[':id'].commit.$post({
    param: id(importId),
    json: { features },
  });
  return (await ok(res)).json();
}

/**
 * Imports a door-plate list into the gazetteer. A refusal (strict with bad rows, or no good row)
 * throws an ApiRequestError whose `details` is the same AddressImport, errors included.
 */
export async function importAddresses(
  file: File,
  opts: { strict: boolean; crs?: string },
): Promise<AddressImport> {
  const form = { file, strict: opts.strict ? ('1' as const) : ('0' as const), crs: opts.crs || undefined };
  return (await ok(await client.api.imports.addresses.$post({ form }))).json();
}

export async function fetchReviews(): Promise<ReviewPage> {
  return (await ok(await client.api.geocode.reviews.$get({ query: { limit: '500' } }))).json();
}

export async function placePremise(premiseId: number, lngLat: [number, number]): Promise<Placement> {
  const res = await client.api.geocode.reviews[':premiseId'].$post({
    param: { premiseId: String(premiseId) },
    json: { lngLat },
  });
  return (await ok(res)).json();
}

const exportsApi = client.api.exports;
const premiseExports = {
  xlsx: exportsApi['premises.xlsx'],
  csv: exportsApi['premises.csv'],
  geojson: exportsApi['premises.geojson'],
  gpkg: exportsApi['premises.gpkg'],
};
const geographyExports = {
  villages: { geojson: exportsApi['villages.geojson'], kml: exportsApi['villages.kml'] },
  areas: { geojson: exportsApi['areas.geojson'], kml: exportsApi['areas.kml'] },
};

/** Where the premise ledger downloads from, with the query `premiseExportQuery` made. */
export function premiseExportPath(format: keyof typeof premiseExports, query: PremiseExportQuery): string {
  return premiseExports[format].$path({ query });
}

/** Where the villages or key areas download from as GeoJSON or KML. */
export function geographyExportPath(kind: 'villages' | 'areas', format: 'geojson' | 'kml'): string {
  return geographyExports[kind][format].$path();
}

const reportsApi = client.api.reports;

/** Where the server's reports open (PDF) or download (台账 XLSX) from; all within the account's scope. */
export const reportPaths = {
  village: (villageId: number, year: number) =>
    reportsApi.village[':file'].$path({
      param: { file: `${villageId}.pdf` },
      query: { year: String(year) },
    }),
  /** The whole record's summary, or (`township`) one township's of the district. */
  township: (year: number, township: number | null = null) =>
    reportsApi['township.pdf'].$path({ query: { year: String(year), ...townshipParam(township) } }),
  map: (at: string, areaId?: number, township: number | null = null) =>
    reportsApi['map.pdf'].$path({
      query: { at, area: areaId === undefined ? undefined : String(areaId), ...townshipParam(township) },
    }),
  villageLedger: (villageId: number, year: number) =>
    reportsApi.ledger.village[':file'].$path({
      param: { file: `${villageId}.xlsx` },
      query: { year: String(year) },
    }),
  tradeLedger: (code: string, year: number, township: number | null = null) =>
    reportsApi.ledger.trade[':file'].$path({
      param: { file: `${code}.xlsx` },
      query: { year: String(year), ...townshipParam(township) },
    }),
};

/** `township=ID` of a report or a list of one township of the district; nothing for the whole record. */
function townshipParam(township: number | null): { township?: string } {
  return township === null ? {} : { township: String(township) };
}

export type Me = InferResponseType<typeof client.api.auth.me.$get, 200>;

/** Who is signed in; rejects with status 401 when nobody is. */
export async function fetchMe(init?: RequestInit): Promise<Me> {
  return (await ok(await client.api.auth.me.$get(undefined, { init }))).json();
}

/** Signs in (the server sets the session cookie); a wrong password rejects with 401, too many with 429. */
export async function signIn(username: string, password: string): Promise<void> {
  const res = await client.api.auth.login.$post({ json: { username, password } });
  // A refused sign-in is not the end of a session: answer it here, not through ok()'s sign-out.
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new ApiRequestError(res.status, body.error?.message ?? `${res.status}`);
  }
}

export async function signOut(): Promise<void> {
  await client.api.auth.logout.$post();
}

export async function changePassword(current: string, next: string): Promise<void> {
  await ok(await client.api.auth.password.$post({ json: { current, next } }));
}

/** The full personal data of one premise, for a role that may see it (the server logs the look). */
export async function unmaskPremise(id: number) {
  return (await ok(await client.api.premises[':id'].unmask.$post({ param: { id: String(id) } }))).json();
}

type UsersClient = typeof client.api.users;
export type UserAccount = InferResponseType<UsersClient['$get'], 200>['users'][number];
export type NewUser = Parameters<UsersClient['$post']>[0]['json'];
export type ApiToken = InferResponseType<typeof client.api.tokens.$get, 200>['tokens'][number];
export type AuditPage = InferResponseType<typeof client.api.audit.$get, 200>;
export type AuditQuery = Parameters<typeof client.api.audit.$get>[0]['query'];

export async function listUsers(): Promise<UserAccount[]> {
  return (await (await ok(await client.api.users.$get())).json()).users;
}

/** Adds an account; without a password the server makes one and answers it once (`password`). */
export async function addUser(json: NewUser) {
  return (await ok(await client.api.users.$post({ json }))).json();
}

export async function updateUser(id: number, json: Parameters<UsersClient[':id']['$put']>[0]['json']) {
  return (await ok(await client.api.users[':id'].$put({ param: { id: String(id) }, json }))).json();
}

/** A new temporary password for an account, answered once; it must be changed at the next sign-in. */
export async function resetUser(id: number) {
  return (await ok(await client.api.users[':id'].reset.$post({ param: { id: String(id) } }))).json();
}

export async function listTokens(): Promise<ApiToken[]> {
  return (await (await ok(await client.api.tokens.$get())).json()).tokens;
}

/** Issues an API token for an account; the token is answered once and never again. */
export async function addToken(name: string, user: string) {
  return (await ok(await client.api.tokens.$post({ json: { name, user } }))).json();
}

export async function revokeToken(id: number) {
  return (await ok(await client.api.tokens[':id'].$delete({ param: { id: String(id) } }))).json();
}

export async function searchAudit(query: AuditQuery): Promise<AuditPage> {
  return (await ok(await client.api.audit.$get({ query }))).json();
}

type AcceptanceClient = typeof client.api.acceptance;
/** 年度验收: every village's result for a campaign year (GET /api/acceptance?year=). */
export type AcceptanceAnswer = InferResponseType<AcceptanceClient['$get'], 200>;
/** One village's scorecard with its evidence, the team's notes and the sign-off. */
export type VillageScorecard = InferResponseType<AcceptanceClient[':villageId']['$get'], 200>;
export type AcceptanceNotes = Parameters<AcceptanceClient[':villageId']['$put']>[0]['json'];
export type AccountabilityAnswer = InferResponseType<typeof client.api.accountability.$get, 200>;

export async function fetchAcceptance(
  year: number,
  township: number | null,
  init?: RequestInit,
): Promise<AcceptanceAnswer> {
  const query = { year: String(year), ...townshipParam(township) };
  return (await ok(await client.api.acceptance.$get({ query }, { init }))).json();
}

export async function fetchScorecard(year: number, villageId: number, init?: RequestInit) {
  const res = await client.api.acceptance[':villageId'].$get(
    { param: { villageId: String(villageId) }, query: { year: String(year) } },
    { init },
  );
  return (await ok(res)).json() as Promise<VillageScorecard>;
}

/** The team's adjustments and remarks on a village (before sign-off). */
export async function putAcceptanceNotes(year: number, villageId: number, json: AcceptanceNotes) {
  const param = { villageId: String(villageId) };
  const res = await client.api.acceptance[':villageId'].$put({ param, query: { year: String(year) }, json });
  return (await ok(res)).json() as Promise<VillageScorecard>;
}

/** Signs a village's acceptance off as passed or failed; `passed: null` takes a sign-off back. */
export async function signOffAcceptance(year: number, villageId: number, passed: boolean | null) {
  const call = client.api.acceptance[':villageId']['sign-off'];
  const args = { param: { villageId: String(villageId) }, query: { year: String(year) } };
  const res = passed === null ? await call.$delete(args) : await call.$post({ ...args, json: { passed } });
  return (await ok(res)).json() as Promise<VillageScorecard>;
}

export async function fetchAccountability(
  query: { year?: number; days?: number; township?: number | null },
  init?: RequestInit,
): Promise<AccountabilityAnswer> {
  const q = {
    ...(query.year !== undefined ? { year: String(query.year) } : {}),
    ...(query.days !== undefined ? { days: String(query.days) } : {}),
    ...townshipParam(query.township ?? null),
  };
  return (await ok(await client.api.accountability.$get({ query: q }, { init }))).json();
}

// ——— In the field: the phone's tasks, the standards, the workflow's steps, photos (client/src/field, inspection, outbox)

type PremiseCall = (typeof client.api.premises)[':id'];
export type MyTasks = InferResponseType<typeof client.api.tasks.mine.$get, 200>;
export type MyTask = MyTasks['items'][number];
export type TradeStandard = InferResponseType<typeof client.api.standards.$get, 200>['standards'][number];
/** A step's answer: the record, the order issued with it, where the premise stands, what the phone did not know. */
export type StepAnswer = InferResponseType<PremiseCall['inspections']['$post'], 201>;
export type InspectionBody = Parameters<PremiseCall['inspections']['$post']>[0]['json'];
export type ReinspectionBody = Parameters<PremiseCall['reinspections']['$post']>[0]['json'];
export type OutcomeBody = Parameters<PremiseCall['outcomes']['$post']>[0]['json'];
export type UploadedPhoto = InferResponseType<PremiseCall['photos']['$post'], 201>['photos'][number];
export type PremiseRecord = PremiseFile['events'][number];

/** The signed-in account's tasks: given to them, their department or their villages; open first, by due date. */
export async function fetchMyTasks(init?: RequestInit): Promise<MyTasks> {
  return (await ok(await client.api.tasks.mine.$get({ query: { limit: '500' } }, { init }))).json();
}

/** Marks a task done (its assignee or a dispatcher), with the record that did it if there is one. */
export async function markTaskDone(taskId: number, eventId?: number): Promise<MyTask> {
  const json = { status: 'done' as const, ...(eventId === undefined ? {} : { eventId }) };
  return (await ok(await client.api.tasks[':id'].$put({ param: id(taskId), json }))).json();
}

/** Every trade's current checklist. */
export async function fetchStandards(init?: RequestInit): Promise<TradeStandard[]> {
  return (await (await ok(await client.api.standards.$get(undefined, { init }))).json()).standards;
}

export async function postInspection(premiseId: number, json: InspectionBody): Promise<StepAnswer> {
  const res = await client.api.premises[':id'].inspections.$post({ param: id(premiseId), json });
  return (await ok(res)).json() as Promise<StepAnswer>;
}

export async function postReinspection(premiseId: number, json: ReinspectionBody): Promise<StepAnswer> {
  const res = await client.api.premises[':id'].reinspections.$post({ param: id(premiseId), json });
  return (await ok(res)).json() as Promise<StepAnswer>;
}

export async function postOutcome(premiseId: number, json: OutcomeBody): Promise<StepAnswer> {
  const res = await client.api.premises[':id'].outcomes.$post({ param: id(premiseId), json });
  return (await ok(res)).json() as Promise<StepAnswer>;
}

/**
 * Uploads photos to a premise's file (not yet under a record: a step files them by id). With a
 * `clientId` (one photo), sending it again answers the photo kept the first time.
 */
export async function uploadPhotos(
  premiseId: number,
  files: File[],
  clientId?: string,
): Promise<UploadedPhoto[]> {
  const form = { file: files, ...(clientId === undefined ? {} : { clientId }) };
  const res = await client.api.premises[':id'].photos.$post({ param: id(premiseId), form });
  return (await (await ok(res)).json()).photos;
}

/** Where a photo's thumbnail is read from (the page's own origin; the reader's scope decides). */
export function photoThumbPath(photoId: number): string {
  return client.api.photos[':id'].thumb.$path({ param: id(photoId) });
}

// ——— The office's daily work: premise files written, work lists, tasks, random draws ———

/** A new premise as the form sends it (a clicked `lngLat`, or an address the server geocodes). */
export type NewPremise = Parameters<typeof client.api.premises.$post>[0]['json'];
export type CreatedPremise = Extract<
  InferResponseType<typeof client.api.premises.$post, 201>,
  { placement: unknown }
>;
/** An edit of a file: `baseUpdatedAt` and the fields that change. */
export type PremiseEdit = Parameters<PremiseCall['$put']>[0]['json'];
export type EditedPremise = InferResponseType<PremiseCall['$put'], 200>;
export type NewLicence = Parameters<PremiseCall['licences']['$post']>[0]['json'];
export type PhotoView = PremiseFile['photos'][number];

export async function createPremise(json: NewPremise): Promise<CreatedPremise> {
  return (await ok(await client.api.premises.$post({ json }))).json() as Promise<CreatedPremise>;
}

/**
 * Edits a file. Someone else's change since `baseUpdatedAt` rejects with 409 `edit_conflict`,
 * whose `details.current` is the file as it now stands.
 */
export async function editPremise(premiseId: number, json: PremiseEdit): Promise<EditedPremise> {
  const res = await client.api.premises[':id'].$put({ param: id(premiseId), json });
  return (await ok(res)).json() as Promise<EditedPremise>;
}

export async function addLicence(premiseId: number, json: NewLicence) {
  return (await ok(await client.api.premises[':id'].licences.$post({ param: id(premiseId), json }))).json();
}

export async function endLicence(premiseId: number, licence: NewLicence['licence'], date: string) {
  const res = await client.api.premises[':id'].licences[':licence'].end.$post({
    param: { id: String(premiseId), licence },
    json: { date },
  });
  return (await ok(res)).json();
}

export async function deletePhoto(photoId: number): Promise<void> {
  await ok(await client.api.photos[':id'].$delete({ param: id(photoId) }));
}

const worklists = {
  overdue: client.api.worklists.overdue,
  'due-soon': client.api.worklists['due-soon'],
  'repeat-failures': client.api.worklists['repeat-failures'],
  rebound: client.api.worklists.rebound,
  'expiring-licences': client.api.worklists['expiring-licences'],
};

export type { WorklistKey };
export const WORKLIST_KEYS = Object.keys(worklists) as WorklistKey[];
/** The filters of every list: `at` (none: the server's live day), village id, trade code, department code. */
export interface WorklistQuery {
  at?: string;
  village?: string;
  category?: string;
  department?: DepartmentCode;
}
type Extra<T> = Partial<Omit<T, keyof WorkItem>>;
/** An item of any list: what every list says of a premise, and what only some lists add. */
export type WorklistItem = WorkItem &
  Extra<ReturnType<typeof dueSoonItems>[number]> &
  Extra<ReturnType<typeof repeatFailureItems>[number]> &
  Extra<ReturnType<typeof reboundItems>[number]> &
  Extra<ReturnType<typeof expiringLicenceItems>[number]>;
export interface WorklistAnswer {
  list: WorklistKey;
  at: string;
  total: number;
  items: WorklistItem[];
}
// The lists differ only in their extra query fields (days, operatorAnywhere), which the office leaves at their defaults.
const listCall = (key: WorklistKey) => worklists[key] as (typeof worklists)['overdue'];

export async function fetchWorklist(
  key: WorklistKey,
  query: WorklistQuery,
  init?: RequestInit,
): Promise<WorklistAnswer> {
  const res = await ok(await listCall(key).$get({ query }, { init }));
  return (await res.json()) as unknown as WorklistAnswer;
}

/** Where a list downloads from as CSV or XLSX (the server logs the download). */
export function worklistDownloadPath(key: WorklistKey, query: WorklistQuery, format: 'csv' | 'xlsx'): string {
  return listCall(key).$path({ query: { ...query, format } });
}

type TasksClient = typeof client.api.tasks;
export type Task = InferResponseType<TasksClient['$get'], 200>['items'][number];
export type TaskList = InferResponseType<TasksClient['$get'], 200>;
export type NewTasks = Parameters<TasksClient['$post']>[0]['json'];
export type TaskAssignee = NewTasks['assignee'];
export type TasksQuery = Parameters<TasksClient['$get']>[0]['query'];

/** Gives the premises (a list, a saved key area or a drawn shape) to an assignee: one task each. */
export async function createTasks(json: NewTasks) {
  return (await ok(await client.api.tasks.$post({ json }))).json();
}

export async function fetchTasks(query: TasksQuery, init?: RequestInit): Promise<TaskList> {
  return (await ok(await client.api.tasks.$get({ query }, { init }))).json() as Promise<TaskList>;
}

export async function updateTask(taskId: number, status: 'done' | 'cancelled'): Promise<Task> {
  const res = await client.api.tasks[':id'].$put({ param: id(taskId), json: { status } });
  return (await ok(res)).json() as Promise<Task>;
}

type DrawsClient = typeof client.api.draws;
export type NewDraw = Parameters<DrawsClient['$post']>[0]['json'];
export type Draw = InferResponseType<DrawsClient[':id']['$get'], 200>;
export type DrawSummary = InferResponseType<DrawsClient['$get'], 200>['draws'][number];
export type DrawCheck = InferResponseType<DrawsClient[':id']['verify']['$get'], 200>;

export async function runDraw(json: NewDraw) {
  return (await ok(await client.api.draws.$post({ json }))).json();
}

export async function fetchDraws(init?: RequestInit): Promise<DrawSummary[]> {
  return (
    (await (await ok(await client.api.draws.$get(undefined, { init }))).json()) as {
      draws: DrawSummary[];
    }
  ).draws;
}

export async function fetchDraw(drawId: number, init?: RequestInit): Promise<Draw> {
  return (
    await ok(await client.api.draws[':id'].$get({ param: id(drawId) }, { init }))
  ).json() as Promise<Draw>;
}

/** Runs the draw again on its stored candidates, pool and seed, and compares (anyone may). */
export async function verifyDraw(drawId: number): Promise<DrawCheck> {
  return (
    await ok(await client.api.draws[':id'].verify.$get({ param: id(drawId) }))
  ).json() as Promise<DrawCheck>;
}
