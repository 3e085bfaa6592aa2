import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../server/src/context';
import type { StoredCampaign } from '../../server/src/db/campaign';
import { type CampaignSetupInput, campaignSetupSchema } from '../../server/src/domain/campaign-setup';
import type { UploadedFile } from '../../server/src/io/unzip-upload';
import {
  type BoundaryCommitResult,
  commitBoundaryImport,
} from '../../server/src/pipelines/commit-boundary-import';
import { type CommitResult, commitPremiseImport } from '../../server/src/pipelines/commit-premise-import';
import {
  type AddressImportView,
  importAddressPoints,
} from '../../server/src/pipelines/import-address-points';
import { commitDecisions } from '../../server/src/pipelines/premise-import-options';
import { setUpCampaign } from '../../server/src/pipelines/set-up-campaign';
import { stageBoundaryImport } from '../../server/src/pipelines/stage-boundary-import';
import { stagePremiseImport } from '../../server/src/pipelines/stage-premise-import';
import {
  type ValidationResult,
  validatePremiseImport,
} from '../../server/src/pipelines/validate-premise-import';

/**
 * 石塘镇, the second township: an independent fixture kit (see its README) brought in through the
 * product's own set-up and import pipelines, as a person would with the files a land office and a
 * township office hand over.
 */
const DIR = resolve(import.meta.dirname, '../fixtures/second-township');

/** The fixture's files: what a person uploads, and the truth to score against. */
export const SHITANG_FILES = {
  villagesZip: `${DIR}/villages-gk.zip`,
  gazetteer: `${DIR}/gazetteer.csv`,
  gazetteerBadRows: `${DIR}/gazetteer.bad-rows.csv`,
  surveyList: `${DIR}/survey-list.xlsx`,
  surveyTruth: `${DIR}/survey-list.truth.csv`,
  addresses: `${DIR}/addresses.csv`,
  plates: `${DIR}/plates.csv`,
  villages: `${DIR}/villages.geojson`,
  township: `${DIR}/township.geojson`,
} as const;

/** What a person enters in the set-up for 石塘镇 (钱塘区 was 江干区 until 2021). */
export const SHITANG_SETUP: CampaignSetupInput = {
  province: '浙江省',
  city: '杭州市',
  district: '钱塘区',
  districtCode: '330114',
  districtOtherNames: ['江干区'],
  township: '石塘镇',
  townshipCode: '330114104000',
  start: '2008-01-01',
};

/** The survey list's worksheet: the title rows above the header stay when rows are taken out. */
const SURVEY_SHEET = '摸底登记表';

/** A fixture file as the page's file picker hands it over. */
export function shitangFile(path: string): UploadedFile {
  return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
}

/** A CSV of the fixture (truth or evaluation set), one record per row, keyed by header. */
export function readShitangCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { bom: true, columns: true }) as Record<string, string>[];
}

/**
 * The survey list without its eight bad rows (the truth's rows with a `defect`), titles and header
 * kept: the list a township office sends back after fixing it. In memory; a browser test can hand
 * `bytes` to the file picker as a buffer.
 */
export async function fixedSurveyList(): Promise<UploadedFile> {
  const bad = readShitangCsv(SHITANG_FILES.surveyTruth)
    .filter((r) => r.defect)
    .map((r) => Number(r.row))
    .sort((a, b) => b - a); // bottom up, so the rows still to go keep their numbers
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(SHITANG_FILES.surveyList) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(SURVEY_SHEET);
  if (!sheet) throw new Error(`${SHITANG_FILES.surveyList} has no sheet ${SURVEY_SHEET}`);
  for (const row of bad) sheet.spliceRows(row, 1);
  return { name: 'survey-list.fixed.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

export interface ShitangIntakeOptions {
  /** Import the door plates (门牌地址库) after the villages; default true. */
  gazetteer?: boolean;
  /** The survey list: 'as-is' is staged and dry-run only; 'fixed' (bad rows out) is imported; default false. */
  survey?: 'as-is' | 'fixed' | false;
}

/** What each step answered. */
export interface ShitangIntake {
  campaign: StoredCampaign;
  boundaries: BoundaryCommitResult;
  gazetteer: AddressImportView | null;
  survey: { validation: ValidationResult; commit: CommitResult | null } | null;
}

/**
 * Sets 石塘镇 up on an empty record (`boot(':memory:', null)`) and brings its files in through the
 * real pipelines: the land office's village shapefile, then the door plates, then the survey list.
 */
export async function bringInShitang(
  ctx: AppContext,
  opts: ShitangIntakeOptions = {},
): Promise<ShitangIntake> {
  const campaign = setUpCampaign(ctx, campaignSetupSchema.parse(SHITANG_SETUP), 'test');
  const boundaries = commitBoundaryImport(
    ctx,
    stageBoundaryImport(ctx, [shitangFile(SHITANG_FILES.villagesZip)], { level: 'village' }),
  );
  const gazetteer =
    opts.gazetteer === false
      ? null
      : (await importAddressPoints(ctx, shitangFile(SHITANG_FILES.gazetteer))).view;
  let survey: ShitangIntake['survey'] = null;
  if (opts.survey) {
    const file = opts.survey === 'fixed' ? await fixedSurveyList() : shitangFile(SHITANG_FILES.surveyList);
    const job = await stagePremiseImport(ctx, file);
    const validation = await validatePremiseImport(ctx, job);
    const commit =
      opts.survey === 'fixed' ? await commitPremiseImport(ctx, job, commitDecisions.parse({})) : null;
    survey = { validation, commit };
  }
  return { campaign, boundaries, gazetteer, survey };
}
