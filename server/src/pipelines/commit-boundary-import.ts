import { booleanPointInPolygon } from '@turf/turf';
import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { type BoundaryBefore, type BoundaryLevel, replaceBoundary } from '../db/boundary-writes';
import { insertVillage, listTownships, listVillages } from '../db/geography';
import { itemRecorder } from '../db/import-items';
import { type ImportJob, updateImportJob } from '../db/import-jobs';
import { ImportError } from '../domain/import/import-error';
import { requireStaged } from './job-runner';
import { type BoundaryOptions, type StagedBoundary, staged, targets } from './stage-boundary-import';

/** What to do with each feature: replace the village with this id, add it as a new village, or skip it. */
export type BoundaryDecision = number | 'new' | 'skip';

export interface BoundaryCommitResult {
  importId: number;
  replaced: number;
  created: number;
  skipped: number;
  /** Premises whose point now lies outside the village they are filed under. */
  premisesOutsideTheirVillage: number;
}

function decisionFor(
  s: StagedBoundary,
  decisions: Record<string, BoundaryDecision>,
  level: BoundaryLevel,
): BoundaryDecision {
  const d = decisions[String(s.feature.index)];
  if (d !== undefined) return d;
  if (s.match.targetId !== null) return s.match.targetId;
  return level === 'village' && s.feature.code && s.feature.name ? 'new' : 'skip';
}

/** Writes the staged boundaries in one transaction, with audit rows and a record for undo. */
export function commitBoundaryImport(
  ctx: AppContext,
  job: ImportJob,
  decisions: Record<string, BoundaryDecision> = {},
): BoundaryCommitResult {
  requireStaged(job);
  const { level } = job.options as unknown as BoundaryOptions;
  const rows = staged(ctx, job);
  const known = new Map(targets(ctx, level).map((t) => [t.id, t]));
  const chosen = rows.map((s) => ({ s, d: decisionFor(s, decisions, level) }));
  const claims = new Map<number, number[]>();
  for (const { s, d } of chosen) {
    if (typeof d !== 'number') continue;
    if (!known.has(d))
      throw new ImportError(
        `feature ${s.feature.index}: there is no ${level} with id ${d}`,
        422,
        'bad_decision',
      );
    claims.set(d, [...(claims.get(d) ?? []), s.feature.index]);
  }
  for (const [id, indexes] of claims) {
    if (indexes.length > 1) {
      throw new ImportError(
        `features ${indexes.join(', ')} would all replace ${known.get(id)?.name}; decide which one (the others: skip)`,
        422,
        'bad_decision',
      );
    }
  }
  for (const { s, d } of chosen) {
    if (d !== 'new') continue;
    if (level === 'township')
      throw new ImportError(
        `feature ${s.feature.index}: a township boundary can only replace the township on record`,
        422,
        'bad_decision',
      );
    if (!s.feature.code || !/^\d{12}$/.test(s.feature.code) || !s.feature.name) {
      throw new ImportError(
        `feature ${s.feature.index}: a new village needs a 12-digit code and a name (it has code ${s.feature.code ?? 'none'}, name ${s.feature.name ?? 'none'}); match it to a village or skip it`,
        422,
        'bad_decision',
      );
    }
  }
  const result: BoundaryCommitResult = {
    importId: job.id,
    replaced: 0,
    created: 0,
    skipped: 0,
    premisesOutsideTheirVillage: 0,
  };
  ctx.db.transaction(() => {
    const record = itemRecorder(ctx.db, job.id);
    const townshipId = listTownships(ctx.db)[0]?.id;
    for (const { s, d } of chosen) {
      const f = s.feature;
      if (d === 'skip') {
        result.skipped++;
      } else if (d === 'new') {
        const id = insertVillage(ctx.db, {
          code: f.code as string,
          name: f.name as string,
          kind: /社区|居委会/.test(f.name as string) ? 'community' : 'village',
          townshipId,
          areaKm2: f.areaKm2,
          fringe: false,
          pilot: false,
          geometry: f.geometry,
        });
        record({
          rowNo: f.index,
          action: 'created',
          entity: 'village',
          entityId: id,
          after: { code: f.code, name: f.name },
        });
        audit(ctx.db, {
          actor: job.actor,
          action: 'create',
          entity: 'village',
          entityId: id,
          after: { code: f.code, name: f.name, importId: job.id },
        });
        result.created++;
      } else {
        const before = replaceBoundary(ctx.db, level, d, f.geometry, f.areaKm2) as BoundaryBefore;
        record({
          rowNo: f.index,
          action: 'geometry',
          entity: level,
          entityId: d,
          before,
          after: { geometry: f.geometry, areaKm2: f.areaKm2 },
        });
        audit(ctx.db, {
          actor: job.actor,
          action: 'update',
          entity: level,
          entityId: d,
          before,
          after: { geometry: f.geometry, areaKm2: f.areaKm2, importId: job.id },
        });
        result.replaced++;
      }
    }
    updateImportJob(ctx.db, job.id, {
      state: 'committed',
      committed: true,
      result,
      progress: { ...job.progress, phase: 'committed', written: result.replaced + result.created },
    });
  })();
  result.premisesOutsideTheirVillage = level === 'village' ? premisesOutside(ctx) : 0;
  updateImportJob(ctx.db, job.id, { result });
  return result;
}

/** How many premises lie outside the boundary of the village they are filed under. */
function premisesOutside(ctx: AppContext): number {
  const shapes = new Map(listVillages(ctx.db).map((v) => [v.id, v.geometry]));
  const cols = ctx.model.columns;
  let n = 0;
  for (let i = 0; i < cols.count; i++) {
    const shape = shapes.get(cols.villageId[i]);
    if (shape && !booleanPointInPolygon([cols.lng[i], cols.lat[i]], shape)) n++;
  }
  return n;
}
