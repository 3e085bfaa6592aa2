import { bbox } from '@turf/turf';
import type { AppContext } from '../context';
import type { BoundaryLevel } from '../db/boundary-writes';
import { listTownships, listVillages } from '../db/geography';
import { createImportJob, getImportJob, type ImportJob, readStagedRows, stageRows } from '../db/import-jobs';
import { type Crs, parseCrs } from '../domain/crs/crs-catalog';
import { ImportError } from '../domain/import/import-error';
import { type BoundaryMatch, matchBoundaries } from '../domain/import/match-boundaries';
import {
  type BoundaryFeature,
  type CrsDecision,
  normaliseBoundaries,
} from '../domain/import/normalise-boundaries';
import { readBoundaryUpload } from '../io/read-boundary-upload';
import type { UploadedFile } from '../io/unzip-upload';
import { townshipsToAdd } from './add-township';

/** A staged feature: the boundary and what it matched. */
export interface StagedBoundary {
  feature: BoundaryFeature;
  match: BoundaryMatch;
}

/** The choices and findings of a boundary import, kept on its job. */
export interface BoundaryOptions {
  level: BoundaryLevel;
  crs: CrsDecision;
  warnings: string[];
  /** The code of the township the boundaries are of (--township), on record or added in the set-up. */
  township?: string | null;
}

/** The longitude of the township's middle: the Gauss-Krüger zone a file without zone prefix is read in. */
function townshipLongitude(ctx: AppContext): number {
  const townships = listTownships(ctx.db);
  if (townships.length === 0) return 120;
  const [w, , e] = bbox({ type: 'GeometryCollection', geometries: townships.map((t) => t.geometry) });
  return (w + e) / 2;
}

/**
 * The villages (or townships) a boundary file's features can replace: with a township named, only
 * that township (or its villages) — none yet when it was only added in the set-up.
 */
export function targets(ctx: AppContext, level: BoundaryLevel, townshipCode?: string | null) {
  const township = townshipCode ? listTownships(ctx.db).find((t) => t.code === townshipCode) : undefined;
  if (townshipCode && !township) return [];
  if (level === 'township') return listTownships(ctx.db).filter((t) => !township || t === township);
  return listVillages(ctx.db).filter((v) => !township || v.townshipId === township.id);
}

/**
 * The township code a boundary import goes to: the one named (which must be on record or added in
 * the set-up), or none on a record of one township; a record of several needs it named for villages.
 */
function townshipOf(ctx: AppContext, level: BoundaryLevel, code: string | undefined): string | null {
  const townships = listTownships(ctx.db);
  const known = [...townships, ...townshipsToAdd(ctx.db)];
  const codes = known.map((t) => `${t.code} ${t.name}`).join(', ') || 'none';
  if (code !== undefined) {
    if (known.some((t) => t.code === code.trim())) return code.trim();
    throw new ImportError(
      {
        en: `township: no township with code ${code} on record or added in the set-up (known: ${codes}); add it with setup --add --township NAME --code CODE`,
        zh: `所属乡镇：系统中没有代码为 ${code} 的乡镇（现有：${codes}）；请先用 setup --add --township 名称 --code 代码 新增`,
      },
      422,
      'unknown_township',
    );
  }
  if (level === 'village' && known.length > 1)
    throw new ImportError(
      {
        en: `township: the record holds several townships (${codes}); say which one these villages are of with --township CODE`,
        zh: `所属乡镇：系统中有多个乡镇（${codes}）；请用 --township 代码 指明这些村（社区）属于哪个乡镇`,
      },
      422,
      'township_needed',
    );
  return null;
}

/**
 * Reads a boundary upload, converts it to WGS-84, checks and repairs it, matches its features to
 * the villages (or the township) on record, and stages it for a preview on the map. Writes only
 * the staged job.
 */
export function stageBoundaryImport(
  ctx: AppContext,
  files: UploadedFile[],
  opts: { level?: BoundaryLevel; crs?: string; actor?: string | null; township?: string } = {},
): ImportJob {
  const level = opts.level ?? 'village';
  const township = townshipOf(ctx, level, opts.township);
  let given: Crs | undefined;
  if (opts.crs) {
    const named = parseCrs(opts.crs);
    if (!named)
      throw new ImportError(
        {
          en: `crs: unknown coordinate system ${JSON.stringify(opts.crs)}; expected WGS84, CGCS2000, GCJ02, BD09 or EPSG:nnnn (e.g. EPSG:4549)`,
          zh: `无法识别坐标系“${opts.crs}”；应为 WGS84、CGCS2000、GCJ02、BD09 或 EPSG:nnnn（如 EPSG:4549）`,
        },
        400,
        'unknown_crs',
      );
    given = named;
  }
  const upload = readBoundaryUpload(files);
  const normalised = normaliseBoundaries(upload.layer, {
    crs: given ?? upload.crs,
    nearLng: townshipLongitude(ctx),
  });
  const { matches, warnings } = matchBoundaries(normalised.features, targets(ctx, level, township));
  const options: BoundaryOptions = { level, crs: normalised.crs, warnings, township };
  const id = ctx.db.transaction(() => {
    const newId = createImportJob(ctx.db, {
      kind: 'boundaries',
      fileName: upload.fileName,
      fileBytes: files.reduce((n, f) => n + f.bytes.length, 0),
      format: upload.format,
      rowCount: normalised.features.length,
      options: options as unknown as Record<string, unknown>,
      notes: [normalised.crs.note, ...normalised.notes],
      actor: opts.actor ?? null,
    });
    stageRows(
      ctx.db,
      newId,
      normalised.features.map((feature, i) => ({
        rowNo: i + 1,
        data: { feature, match: matches[i] } satisfies StagedBoundary,
      })),
    );
    return newId;
  })();
  return getImportJob(ctx.db, id) as ImportJob;
}

/** The staged features of a boundary import, in file order. */
export function staged(ctx: AppContext, job: ImportJob): StagedBoundary[] {
  return readStagedRows<StagedBoundary>(ctx.db, job.id, 0, 1_000_000).map((r) => r.data);
}

function areaOf(target: { areaKm2?: number } | undefined): number | null {
  return target?.areaKm2 === undefined ? null : Math.round(target.areaKm2 * 1000) / 1000;
}

/** The preview: every feature with its shape (WGS-84), its match (or "new") and what was assumed. */
export function describeBoundaryImport(ctx: AppContext, job: ImportJob) {
  const options = job.options as unknown as BoundaryOptions;
  const current = new Map(targets(ctx, options.level, options.township).map((t) => [t.id, t]));
  return {
    importId: job.id,
    kind: job.kind,
    state: job.state,
    level: options.level,
    fileName: job.fileName,
    format: job.format,
    crs: options.crs,
    notes: job.notes,
    warnings: options.warnings,
    /** A committed or abandoned import keeps no rows: its features are gone (its result says what it did). */
    rowsPurged: job.state !== 'staged',
    features: staged(ctx, job).map(({ feature, match }) => ({
      index: feature.index,
      name: feature.name,
      code: feature.code,
      areaKm2: Math.round(feature.areaKm2 * 1000) / 1000,
      match:
        match.targetId === null
          ? ('new' as const)
          : {
              id: match.targetId,
              name: match.targetName,
              by: match.by,
              areaKm2Before: areaOf(current.get(match.targetId) as { areaKm2?: number } | undefined),
            },
      geometry: feature.geometry,
    })),
  };
}
