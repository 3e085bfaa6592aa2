import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { type ImportJob, updateImportJob } from '../db/import-jobs';
import { importWriter } from '../db/import-writer';
import { listExistingPremises, type MergeableFields, updatePremiseFields } from '../db/import-writes';
import { getPremise, listEvents } from '../db/premises';
import { formatDay } from '../domain/dates';
import { ImportError } from '../domain/import/import-error';
import { REVIEW_CONFIDENCE } from '../domain/import/place-candidate';
import type { LicenceInput } from '../domain/import/premise-candidate';
import type { PremiseEvent } from '../domain/premise-event';
import { writeGateOf } from '../http/write-gate';
import { importGeocoder } from './geocoder';
import { requireStaged, runJobStep } from './job-runner';
import { checkJobMapping } from './premise-import-mapping';
import type { CommitDecisions, DuplicateDecision } from './premise-import-options';
import { purgeImportRows } from './purge-import-rows';
import { type ResolvedRow, resolvePremiseRows } from './resolve-premise-rows';
import { listed, summarise } from './validate-premise-import';

export interface CommitResult {
  importId: number;
  created: number;
  merged: number;
  skipped: number;
  events: number;
  /** Premises placed with low confidence, now in the geocoder's review queue. */
  queuedForReview: number;
}

/** The licence record for an imported licence: held from its start, or from the survey if it started earlier. */
function licenceEvent(l: LicenceInput, earliestDay: number): PremiseEvent {
  const starts = l.fromDay ?? earliestDay;
  return {
    day: Math.max(starts, earliestDay),
    type: 'licence_obtained',
    licence: l.licence,
    licenceNo: l.licenceNo,
    validToDay: l.validToDay ?? undefined,
    note: starts < earliestDay ? `有效期自 ${formatDay(starts)}` : undefined,
  };
}

function decide(row: ResolvedRow, decisions: CommitDecisions): DuplicateDecision | 'create' {
  const d = row.duplicate;
  if (!d) return 'create';
  const decision = decisions.rows[String(row.candidate.rowNo)] ?? decisions.duplicates;
  // A repeat within the file has nothing on record to merge into: merging it means keeping the first.
  if (d.existingId === null) return decision === 'new' ? 'create' : 'skip';
  return decision === 'new' ? 'create' : decision;
}

/** What a merge changes: the fields the row gives, position and village only when the row states them. */
function mergeFields(r: ResolvedRow): Partial<MergeableFields> {
  const c = r.candidate;
  const f: Partial<MergeableFields> = { address: c.address };
  if (c.operator) f.operator = c.operator;
  if (c.phone) f.phone = c.phone;
  if (c.idNumber) f.idNumber = c.idNumber;
  if (c.areaM2 !== null) f.areaM2 = c.areaM2;
  if (c.staff !== null) f.staff = c.staff;
  if (c.notes) f.notes = c.notes;
  if (c.keyObject) f.keyObject = true;
  if (c.lngLat)
    Object.assign(f, { lng: c.lngLat[0], lat: c.lngLat[1], crs: c.crs, geocodeMethod: r.placement.method });
  if (c.villageText || c.villageCode) f.villageId = r.placement.villageId;
  return f;
}

/**
 * Imports a validated premise list in one transaction: new premises with their 摸底 record and
 * licences, merges into premises on record where asked, low-confidence placements queued for
 * review, and a record of every change so the import can be undone. Refuses (writing nothing)
 * while any row has an error.
 */
export async function commitPremiseImport(
  ctx: AppContext,
  job: ImportJob,
  decisions: CommitDecisions,
): Promise<CommitResult> {
  requireStaged(job);
  checkJobMapping(job);
  return runJobStep(ctx, job, 'placing', async (report) => {
    const resolved = await resolvePremiseRows(ctx, job, importGeocoder(ctx.db), report);
    if (resolved.errors.length > 0) {
      const validation = summarise(job, resolved);
      updateImportJob(ctx.db, job.id, { validation });
      throw new ImportError(
        {
          en: `${resolved.invalidRows} of ${job.rowCount} rows have errors (${resolved.errors.length} in all); nothing was imported. Fix them (see errors.csv) and upload again`,
          zh: `${job.rowCount} 行中有 ${resolved.invalidRows} 行有错误（共 ${resolved.errors.length} 处），本次没有导入任何内容。请按错误报告改正后重新上传`,
        },
        422,
        'invalid_rows',
        {
          errorCount: validation.errorCount,
          invalidRows: validation.invalidRows,
          errors: listed(validation).errors.slice(0, 20),
        },
      );
    }
    const clashes = resolved.rows.filter((r) => {
      const d = decisions.rows[String(r.candidate.rowNo)] ?? decisions.duplicates;
      return r.duplicate?.reason === 'archive_no' && r.duplicate.existingId !== null && d === 'new';
    });
    if (clashes.length > 0) {
      const rows = clashes.slice(0, 10).map((r) => r.candidate.rowNo);
      throw new ImportError(
        {
          en: `rows ${rows.join(', ')} carry an archive number already on record; they can be merged or skipped, not added again`,
          zh: `第 ${rows.join('、')} 行的档案编号已在档案中：这些行只能合并或跳过，不能再新增`,
        },
        422,
        'archive_clash',
      );
    }
    // One transaction, all or nothing, written a slice at a time: reads are answered in between,
    // writes wait at the gate (they would otherwise land inside it). Then only the premises it
    // wrote are folded into the model, not every premise again.
    return writeGateOf(ctx.db).alone(async () => {
      report({ phase: 'writing', written: 0 });
      const writtenIds: number[] = [];
      ctx.db.exec('BEGIN');
      try {
        const written = await writeRows(ctx, job, resolved.rows, decisions, report, writtenIds);
        const premises = await ctx.model.readPremises(writtenIds);
        // The job turns committed, the transaction commits and the model takes the premises in one
        // turn of the event loop: whoever sees the import committed sees its premises on the map.
        const result = finishImport(ctx, job, written);
        ctx.db.exec('COMMIT');
        ctx.model.takePremises(premises);
        return result;
      } catch (err) {
        if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
        throw err;
      }
    });
  });
}

/** The longest the rows hold the event loop before other requests get a turn, ms. */
const SLICE_MS = 20;

async function writeRows(
  ctx: AppContext,
  job: ImportJob,
  rows: ResolvedRow[],
  decisions: CommitDecisions,
  report: (p: { written: number; phase?: 'committed' }) => void,
  writtenIds: number[],
): Promise<{ result: CommitResult; eventsOnCreated: number }> {
  const writer = importWriter(ctx.db, job.id);
  const { insertPremise, insertEvent, recordItem: record, queueReview: queue } = writer;
  const archiveNos = new Set(listExistingPremises(ctx.db).map((p) => p.archiveNo));
  const result: CommitResult = {
    importId: job.id,
    created: 0,
    merged: 0,
    skipped: 0,
    events: 0,
    queuedForReview: 0,
  };
  let eventsOnCreated = 0;
  let sliceStarted = performance.now();
  for (const r of rows) {
    if (performance.now() - sliceStarted > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
    const c = r.candidate;
    const decision = decide(r, decisions);
    if (decision === 'skip') {
      result.skipped++;
      continue;
    }
    if (decision === 'merge') {
      writer.flush(); // what this import wrote so far is read below
      const id = r.duplicate?.existingId as number;
      const before = getPremise(ctx.db, id);
      if (!before) continue;
      const after = mergeFields(r);
      const was = Object.fromEntries(Object.keys(after).map((k) => [k, before[k as keyof MergeableFields]]));
      updatePremiseFields(ctx.db, id, after);
      writtenIds.push(id);
      record({ rowNo: c.rowNo, action: 'merged', entity: 'premise', entityId: id, before: was, after });
      audit(ctx.db, {
        actor: job.actor,
        action: 'update',
        entity: 'premise',
        entityId: id,
        before: was,
        after: { ...after, importId: job.id },
      });
      const events = listEvents(ctx.db, id);
      const held = new Set(
        events.filter((e) => e.type === 'licence_obtained').map((e) => `${e.licence}|${e.licenceNo ?? ''}`),
      );
      const firstDay = events[0]?.day ?? c.surveyDay;
      for (const l of c.licences) {
        if (held.has(`${l.licence}|${l.licenceNo}`)) continue;
        const eventId = insertEvent(id, licenceEvent(l, firstDay));
        record({ rowNo: c.rowNo, action: 'event', entity: 'event', entityId: eventId });
        result.events++;
      }
      result.merged++;
    } else {
      let archiveNo = c.archiveNo ?? `IMP${job.id}-${String(c.rowNo).padStart(5, '0')}`;
      for (let k = 2; archiveNos.has(archiveNo); k++)
        archiveNo = `IMP${job.id}-${String(c.rowNo).padStart(5, '0')}-${k}`;
      archiveNos.add(archiveNo);
      const p = r.placement;
      const id = insertPremise({
        archiveNo,
        name: c.name,
        operator: c.operator,
        phone: c.phone,
        idNumber: c.idNumber,
        address: c.address,
        villageId: p.villageId,
        category: c.category,
        lng: p.lngLat[0],
        lat: p.lngLat[1],
        crs: c.lngLat ? c.crs : 'WGS84',
        geocodeMethod: p.method,
        keyObject: c.keyObject,
        areaM2: c.areaM2,
        staff: c.staff,
        notes: c.notes,
      });
      writtenIds.push(id);
      insertEvent(id, { day: c.surveyDay, type: 'surveyed', note: `导入 ${job.fileName} 第${c.rowNo}行` });
      for (const l of c.licences) insertEvent(id, licenceEvent(l, c.surveyDay));
      eventsOnCreated += 1 + c.licences.length;
      result.events += 1 + c.licences.length;
      record({
        rowNo: c.rowNo,
        action: 'created',
        entity: 'premise',
        entityId: id,
        after: { method: p.method, confidence: p.confidence },
      });
      if (p.confidence !== null && p.confidence < REVIEW_CONFIDENCE) {
        queue({
          premiseId: id,
          address: c.address,
          method: p.method,
          confidence: p.confidence,
          matchedText: p.matchedText,
          conflict: p.conflict,
        });
        result.queuedForReview++;
      }
      result.created++;
    }
    const written = result.created + result.merged;
    if (written % 5000 === 0) report({ written });
  }
  writer.flush();
  return { result, eventsOnCreated };
}

/** What closes an import inside its transaction: the audit line, the job committed, the staged rows purged. */
function finishImport(
  ctx: AppContext,
  job: ImportJob,
  { result, eventsOnCreated }: { result: CommitResult; eventsOnCreated: number },
): CommitResult {
  audit(ctx.db, {
    actor: job.actor,
    action: 'import',
    entity: 'import',
    entityId: job.id,
    after: { fileName: job.fileName, ...result },
  });
  updateImportJob(ctx.db, job.id, {
    state: 'committed',
    committed: true,
    result: { ...result, eventsOnCreated },
    progress: {
      ...job.progress,
      phase: 'committed',
      total: job.rowCount,
      validated: job.rowCount,
      written: result.created + result.merged,
    },
  });
  // The uploaded rows have done their work; undo goes by import_items.
  purgeImportRows(ctx.db, job.id);
  return result;
}
