import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { CampaignInfo, ImportSummary, SavedArea } from './api';
import { queryKeys as k } from './queries';

/**
 * What each write changes on the page: after it succeeds, the queries it names are invalidated,
 * so those on screen are asked again at once and the others the next time they are read.
 */
function invalidate(qc: QueryClient, keys: readonly QueryKey[]): Promise<void> {
  return Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey }))).then(() => undefined);
}

/** A district's counts by township: moved by any premise or village written. */
const TOWNSHIP_COUNTS = [k.townships, k.townshipStats, k.townshipSeries];
/** Premises created, merged or taken back: the layer, their files, every count made from them. */
const PREMISES_WRITTEN = [
  k.premisesLayer,
  k.premises,
  k.series,
  k.areas,
  k.shapes,
  k.setup,
  k.reviews,
  ...TOWNSHIP_COUNTS,
];
/** Villages replaced, added or taken back: the villages, the campaign's bbox, the set-up's count, the townships. */
const BOUNDARIES_WRITTEN = [k.villages, k.campaign, k.setup, ...TOWNSHIP_COUNTS];
/** Door plates added or taken back: the page shows them only as the set-up's count. */
const PLATES_WRITTEN = [k.setup];

const BY_KIND: Record<ImportSummary['kind'], readonly QueryKey[]> = {
  premises: PREMISES_WRITTEN,
  boundaries: BOUNDARIES_WRITTEN,
  addresses: PLATES_WRITTEN,
};

/** An import of `kind` was committed or undone (both change the same things); the history too. */
export function importWritten(qc: QueryClient, kind: ImportSummary['kind']): Promise<void> {
  return invalidate(qc, [...BY_KIND[kind], k.imports]);
}

/**
 * A premise was placed by hand: its point moved (the layer, its file, what shapes hold), it left the
 * review queue, and the gazetteer may have learned its plate (the set-up counts plates). Its
 * village stays as filed, so the status series do not change.
 */
export function pinPlaced(qc: QueryClient, premiseId: number): Promise<void> {
  return invalidate(qc, [k.premisesLayer, k.premise(premiseId), k.areas, k.shapes, k.reviews, k.setup]);
}

/**
 * The set-up was saved: the server answered the campaign as GET does, so it is put in place; new
 * dates also move the premises layer (its days count from the start), the series and the areas'
 * headline day (the last one).
 */
export function campaignSaved(qc: QueryClient, before: CampaignInfo, saved: CampaignInfo): Promise<void> {
  qc.setQueryData<CampaignInfo>(k.campaign, saved);
  const datesMoved = before.start !== saved.start || before.end !== saved.end;
  return invalidate(qc, datesMoved ? [k.setup, k.premisesLayer, k.series, k.areas] : [k.setup]);
}

/** A key area was created or edited: in the list at once (the server's answer), then every dated list. */
export function areaSaved(qc: QueryClient, area: SavedArea): Promise<void> {
  qc.setQueryData<SavedArea[]>(k.areasAt(null), (list) =>
    list?.some((a) => a.id === area.id)
      ? list.map((a) => (a.id === area.id ? area : a))
      : list && [...list, area],
  );
  return invalidate(qc, [k.areas]);
}

/** A key area was deleted: out of the list at once, then every dated list. */
export function areaDeleted(qc: QueryClient, id: number): Promise<void> {
  qc.setQueryData<SavedArea[]>(k.areasAt(null), (list) => list?.filter((a) => a.id !== id));
  return invalidate(qc, [k.areas]);
}

/** Accounts or tokens were added, changed or revoked (a token names its account, so both). */
export function accountsWritten(qc: QueryClient): Promise<void> {
  return invalidate(qc, [k.users, k.tokens]);
}

/**
 * A premise was written: created, its particulars edited, its pin moved, a licence added or ended.
 * Its file, the layer (point, status, licences), every count made from it, the review queue (a
 * created or moved premise may join or leave it), the work lists and the tasks.
 */
export function premiseWritten(qc: QueryClient, premiseId: number): Promise<void> {
  return invalidate(qc, [
    k.premise(premiseId),
    k.premisesLayer,
    k.series,
    k.areas,
    k.shapes,
    k.reviews,
    k.setup,
    k.worklists,
    k.tasks,
    k.acceptance,
  ]);
}

/** A photo was added to or taken from a file: only the file shows it. */
export function photosWritten(qc: QueryClient, premiseId: number): Promise<void> {
  return invalidate(qc, [k.premise(premiseId)]);
}

/** Tasks were given or closed: every task list. */
export function tasksWritten(qc: QueryClient): Promise<void> {
  return invalidate(qc, [k.tasks]);
}

/** A random draw was made: the draws, and the tasks it gave. */
export function drawMade(qc: QueryClient): Promise<void> {
  return invalidate(qc, [k.draws, k.tasks]);
}

/** An acceptance record was written (notes, sign-off) or a year's targets: every acceptance answer. */
export function acceptanceWritten(qc: QueryClient): Promise<void> {
  return invalidate(qc, [k.acceptance]);
}

/** A township was added to the district: the set-up lists it as waiting for its boundaries. */
export function townshipAdded(qc: QueryClient): Promise<void> {
  return invalidate(qc, [k.setup]);
}
