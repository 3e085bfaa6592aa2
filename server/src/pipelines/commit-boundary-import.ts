import { booleanPointInPolygon } from '@turf/turf';
import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { type BoundaryBefore, type BoundaryLevel, replaceBoundary } from '../db/boundary-writes';
import {
  insertTownship,
  insertVillage,
  listTownships,
  listVillages,
  setTownshipOutline,
} from '../db/geography';
import { itemRecorder } from '../db/import-items';
import { type ImportJob, updateImportJob } from '../db/import-jobs';
import { ImportError } from '../domain/import/import-error';
import { townshipOutline } from '../domain/import/township-outline';
import { takeTownshipToAdd } from './add-township';
import { requireStaged } from './job-runner';
import { purgeImportRows } from './purge-import-rows';
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
  /** What happened to the township's outline: made from the villages, redrawn with them, imported. */
  township: 'created_from_villages' | 'updated_from_villages' | 'created' | 'replaced' | null;
  /** What was assumed or made up on the way, in words (provisional codes, the outline's union). */
  notes: string[];
}

/** A code for a village whose file gave none: plainly provisional, unique, to be corrected later. */
function provisionalCode(taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const code = `未编码-${String(n).padStart(2, '0')}`;
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function decisionFor(
  s: StagedBoundary,
  decisions: Record<string, BoundaryDecision>,
  level: BoundaryLevel,
): BoundaryDecision {
  const d = decisions[String(s.feature.index)];
  if (d !== undefined) return d;
  if (s.match.targetId !== null) return s.match.targetId;
  return level === 'village' ? (s.feature.name ? 'new' : 'skip') : targetless(s, level);
}

/** A township file on a record without a township creates it; otherwise it only replaces. */
function targetless(_s: StagedBoundary, level: BoundaryLevel): BoundaryDecision {
  return level === 'township' ? 'new' : 'skip';
}

/** Writes the staged boundaries in one transaction, with audit rows and a record for undo. */
export function commitBoundaryImport(
  ctx: AppContext,
  job: ImportJob,
  decisions: Record<string, BoundaryDecision> = {},
): BoundaryCommitResult {
  requireStaged(job);
  const { level, township: townshipCode = null } = job.options as unknown as BoundaryOptions;
  const rows = staged(ctx, job);
  const known = new Map(targets(ctx, level, townshipCode).map((t) => [t.id, t]));
  const chosen = rows.map((s) => ({ s, d: decisionFor(s, decisions, level) }));
  const claims = new Map<number, number[]>();
  for (const { s, d } of chosen) {
    if (typeof d !== 'number') continue;
    if (!known.has(d))
      throw new ImportError(
        {
          en: `feature ${s.feature.index}: there is no ${level} with id ${d}`,
          zh: `表中第 ${s.feature.index + 1} 个要素：没有编号为 ${d} 的${level === 'village' ? '村（社区）' : '镇'}`,
        },
        422,
        'bad_decision',
      );
    claims.set(d, [...(claims.get(d) ?? []), s.feature.index]);
  }
  for (const [id, indexes] of claims) {
    if (indexes.length > 1) {
      throw new ImportError(
        {
          en: `features ${indexes.join(', ')} would all replace ${known.get(id)?.name}; decide which one (the others: skip)`,
          zh: `表中第 ${indexes.map((i) => i + 1).join('、')} 个要素都要替换${known.get(id)?.name}的边界；请只保留一个，其余选“跳过”`,
        },
        422,
        'bad_decision',
      );
    }
  }
  const townships = listTownships(ctx.db);
  const named = townshipCode ? townships.find((t) => t.code === townshipCode) : undefined;
  for (const { s, d } of chosen) {
    if (d !== 'new') continue;
    if (level === 'township' && (townshipCode ? named !== undefined : townships.length > 0))
      throw new ImportError(
        {
          en: `feature ${s.feature.index}: the record has its township outline already; replace it (match the feature to it) or skip the feature`,
          zh: `表中第 ${s.feature.index + 1} 个要素：系统里已有本镇镇界；请选择替换现有镇界，或跳过该要素`,
        },
        422,
        'bad_decision',
      );
    if (level === 'village' && (!s.feature.name || (s.feature.code && !/^\d{12}$/.test(s.feature.code)))) {
      throw new ImportError(
        {
          en: `feature ${s.feature.index}: a new village needs a name and, if it has a code, the 12-digit one (it has code ${s.feature.code ?? 'none'}, name ${s.feature.name ?? 'none'}); match it to a village or skip it`,
          zh: `表中第 ${s.feature.index + 1} 个要素：新建村（社区）须有名称，如有代码须为12位（现在代码为 ${s.feature.code ?? '无'}，名称为 ${s.feature.name ?? '无'}）；请对应到已有村（社区）或跳过`,
        },
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
    township: null,
    notes: [],
  };
  ctx.db.transaction(() => {
    const record = itemRecorder(ctx.db, job.id);
    const codes = new Set(listVillages(ctx.db).map((v) => v.code));
    if (level === 'township') {
      const created = createTownshipFrom(ctx, job, chosen, record, townshipCode);
      if (created) {
        result.created = created.features;
        result.township = 'created';
        result.notes.push(...created.notes);
      }
    }
    const townshipId =
      (townshipCode ? named?.id : listTownships(ctx.db)[0]?.id) ??
      (level === 'village' ? outlineFirst(ctx, chosen, record, result, townshipCode) : undefined);
    for (const { s, d } of chosen) {
      const f = s.feature;
      if (d === 'skip') {
        result.skipped++;
      } else if (d === 'new' && level === 'township') {
        // written above, as one township
      } else if (d === 'new') {
        let code = f.code;
        if (!code) {
          code = provisionalCode(codes);
          result.notes.push(
            `feature ${f.index} «${f.name}» has no village code: stored under the provisional code ${code}; give it its 12-digit code by importing the boundaries again with codes`,
          );
        }
        codes.add(code);
        const id = insertVillage(ctx.db, {
          code,
          name: f.name as string,
          kind: /社区|居委会/.test(f.name as string) ? 'community' : 'village',
          townshipId: townshipId as number,
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
          after: { code, name: f.name },
        });
        audit(ctx.db, {
          actor: job.actor,
          action: 'create',
          entity: 'village',
          entityId: id,
          after: { code, name: f.name, importId: job.id },
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
        if (level === 'township') {
          setTownshipOutline(ctx.db, d, f.geometry, 'imported');
          result.township = 'replaced';
        }
        result.replaced++;
      }
    }
    if (level === 'village' && result.township === null)
      keepOutlineWithVillages(ctx, record, result, townshipId);
    updateImportJob(ctx.db, job.id, {
      state: 'committed',
      committed: true,
      result,
      progress: { ...job.progress, phase: 'committed', written: result.replaced + result.created },
    });
    purgeImportRows(ctx.db, job.id);
  })();
  result.premisesOutsideTheirVillage = level === 'village' ? premisesOutside(ctx) : 0;
  updateImportJob(ctx.db, job.id, { result });
  return result;
}

type Chosen = { s: StagedBoundary; d: BoundaryDecision }[];
type Recorder = ReturnType<typeof itemRecorder>;

/**
 * The code and name a new township takes: a township added in the set-up (--township CODE) its own,
 * else the set-up's, else what the file or its villages say.
 */
function townshipIdentity(
  ctx: AppContext,
  fallback: { code: string | null; name: string | null },
  townshipCode: string | null,
) {
  const added = townshipCode ? takeTownshipToAdd(ctx.db, townshipCode) : null;
  if (added) return { code: added.code, name: added.name };
  const c = ctx.campaign;
  const code =
    c.townshipCode ||
    (fallback.code && /^\d{12}$/.test(fallback.code) ? fallback.code : '') ||
    '000000000000';
  const name = c.configured ? c.township : (fallback.name ?? c.township);
  return { code, name };
}

/** A township file on a record without one: its features (merged, if several) become the township. */
function createTownshipFrom(
  ctx: AppContext,
  job: ImportJob,
  chosen: Chosen,
  record: Recorder,
  townshipCode: string | null,
) {
  const news = chosen.filter((x) => x.d === 'new').map((x) => x.s.feature);
  if (news.length === 0) return null;
  const outline = townshipOutline(news.map((f) => f.geometry));
  if (!outline) return null;
  const identity = townshipIdentity(ctx, { code: news[0].code, name: news[0].name }, townshipCode);
  const id = insertTownship(ctx.db, { ...identity, geometry: outline, outline: 'imported' });
  record({ rowNo: news[0].index, action: 'created', entity: 'township', entityId: id, after: identity });
  audit(ctx.db, {
    actor: job.actor,
    action: 'create',
    entity: 'township',
    entityId: id,
    after: { ...identity, importId: job.id },
  });
  const notes = news.length > 1 ? [`the ${news.length} features were merged into one township outline`] : [];
  return { features: 1, notes };
}

/**
 * Village boundaries on a record without a township: the township is made first, as the union of
 * the villages the import will leave, so they have one to belong to (and the map an outline).
 */
function outlineFirst(
  ctx: AppContext,
  chosen: Chosen,
  record: Recorder,
  result: BoundaryCommitResult,
  townshipCode: string | null,
): number | undefined {
  const shapes = chosen.filter((x) => x.d !== 'skip').map((x) => x.s.feature.geometry);
  // A township added to the district is drawn from its own villages, which are all new.
  const before = townshipCode ? [] : listVillages(ctx.db).map((v) => v.geometry);
  const outline = townshipOutline([...before, ...shapes]);
  if (!outline) return undefined;
  const identity = townshipIdentity(ctx, { code: null, name: null }, townshipCode);
  if (identity.code === '000000000000') {
    const villageCode = chosen.map((x) => x.s.feature.code).find((c) => c && /^\d{12}$/.test(c));
    if (villageCode) identity.code = `${villageCode.slice(0, 9)}000`;
  }
  const id = insertTownship(ctx.db, { ...identity, geometry: outline, outline: 'villages' });
  record({ rowNo: null, action: 'created', entity: 'township', entityId: id, after: identity });
  result.township = 'created_from_villages';
  result.notes.push(
    `no township outline was imported: the township ${identity.name} was drawn as the union of its villages; import the official outline with level township to replace it`,
  );
  return id;
}

/** A township drawn from its villages is redrawn when they change. */
function keepOutlineWithVillages(
  ctx: AppContext,
  record: Recorder,
  result: BoundaryCommitResult,
  townshipId: number | undefined,
): void {
  const township = listTownships(ctx.db).find((t) => t.id === townshipId);
  if (township?.outline !== 'villages') return;
  const own = listVillages(ctx.db).filter((v) => v.townshipId === township.id);
  const outline = townshipOutline(own.map((v) => v.geometry));
  if (!outline) return;
  record({
    rowNo: null,
    action: 'geometry',
    entity: 'township',
    entityId: township.id,
    before: { geometry: township.geometry, areaKm2: null },
    after: { geometry: outline, areaKm2: null },
  });
  setTownshipOutline(ctx.db, township.id, outline, 'villages');
  result.township = 'updated_from_villages';
  result.notes.push('the township outline, drawn from its villages, was redrawn with them');
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
