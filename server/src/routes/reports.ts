import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { grant } from '../domain/auth/policy';
import { formatDay, parseDay, todayInChina } from '../domain/dates';
import { ApiError } from '../http/api-error';
import { type AppEnv, actorOf } from '../http/auth';
import { importErrorResponse } from '../http/import-error-response';
import { idParam, validate } from '../http/validate';
import { campaignYear } from '../pipelines/acceptance-targets';
import type { ExportFile } from '../pipelines/export-premises';
import { reportYear } from '../pipelines/report-data';
import { tradeLedger, villageLedger } from '../pipelines/report-ledger';
import { wallMap } from '../pipelines/report-map';
import { townshipReportPdf, villageReportPdf, wallMapPdf } from '../pipelines/report-pdf';
import { townshipReport } from '../pipelines/report-township';
import { villageReport } from '../pipelines/report-village';
import { placeOf } from '../township-scope';

const yearQuery = z.object({ year: z.string().optional() });
/** `township`: one township of the district (its id); without it the whole record. */
const placeQuery = z.object({ township: idParam.optional() });
const dayQuery = z.object({ year: z.string().optional(), at: z.string().optional() });
const mapQuery = z.object({ at: z.string().optional(), area: z.string().optional() });

/** ?at= as a day (today when absent), or a 400 in both languages. */
function dayOf(at: string | undefined): { at: string; day: number } {
  if (at === undefined) {
    const day = todayInChina();
    return { at: formatDay(day), day };
  }
  const day = parseDay(at);
  if (day === null)
    throw new ApiError(
      400,
      'bad_request',
      `at: expected a real date as YYYY-MM-DD, e.g. 2009-06-30 (got ${at})`,
      undefined,
      `日期（at）应为 YYYY-MM-DD 格式的真实日期，例如 2009-06-30（收到的是“${at}”）`,
    );
  return { at, day };
}

/** ?area= as a key area's id, or a 400 in both languages. */
function areaOf(area: string | undefined): number | undefined {
  if (area === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(area))
    throw new ApiError(
      400,
      'bad_request',
      `area: expected the id of a key area, e.g. 3 (got ${area})`,
      undefined,
      `重点区域（area）应为编号，例如 3（收到的是“${area}”）`,
    );
  return Number(area);
}

/** The name in `name.ext` (a path's last part), or a 400 saying what the path should look like. */
function stemOf(file: string, ext: string, example: string): string {
  if (file.endsWith(`.${ext}`) && file.length > ext.length + 1) return file.slice(0, -ext.length - 1);
  throw new ApiError(
    400,
    'bad_request',
    `expected a file name ending in .${ext}, e.g. ${example} (got ${file})`,
    undefined,
    `路径应以 .${ext} 结尾，例如 ${example}（收到的是“${file}”）`,
  );
}

/** The village id in `12.pdf`, or a 400 saying what the path should look like. */
function villageIdIn(file: string, ext: string): number {
  const stem = stemOf(file, ext, `3.${ext}`);
  if (!/^[1-9]\d*$/.test(stem))
    throw new ApiError(
      400,
      'bad_request',
      `expected a village id followed by .${ext}, e.g. 3.${ext} (got ${file})`,
      undefined,
      `路径应为村（社区）编号加 .${ext}，例如 3.${ext}（收到的是“${file}”）`,
    );
  return Number(stem);
}

/** The day a ledger counts on: the end of ?year= (as the reports), ?at=, or today. */
function ledgerDay(ctx: AppContext, q: z.infer<typeof dayQuery>): { at: string; day: number } {
  if (q.year !== undefined && q.at !== undefined)
    throw new ApiError(
      400,
      'bad_request',
      'give either year (the year’s end) or at (a day), not both',
      undefined,
      '年度（year）与日期（at）只能填一个',
    );
  if (q.year !== undefined) return reportYear(ctx, campaignYear(ctx, q.year));
  return dayOf(q.at);
}

/** A file for the browser: a PDF opens in place, a workbook downloads; the ASCII name and the UTF-8 one. */
function fileResponse(
  bytes: Uint8Array,
  contentType: string,
  names: { ascii: string; utf8: string },
  disposition: 'inline' | 'attachment',
) {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `${disposition}; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.utf8)}`,
      'Cache-Control': 'no-store',
    },
  });
}

/** Whether the requester may read acceptance (its scorecards and verdicts go into the reports only then). */
const readsAcceptance = (c: Context<AppEnv>) => grant(actorOf(c), 'acceptance.read') !== null;

const pdf = (bytes: Uint8Array, ascii: string, utf8: string) =>
  fileResponse(bytes, 'application/pdf', { ascii, utf8 }, 'inline');

const workbook = (file: ExportFile & { fileNameZh: string }) =>
  fileResponse(file.bytes, file.contentType, { ascii: file.fileName, utf8: file.fileNameZh }, 'attachment');

/**
 * Reports on paper, made on the server (no browser needed): the village report and the township
 * summary for a campaign year as A4 PDFs, the A3 wall map of the township or a key area, and the
 * 台账 per village and per trade as Excel workbooks — each within the requester's scope.
 */
export function reportRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .onError(importErrorResponse)
    .get('/village/:file', validate('query', yearQuery), async (c) => {
      const id = villageIdIn(c.req.param('file'), 'pdf');
      const year = campaignYear(ctx, c.req.valid('query').year);
      const report = villageReport(ctx, c.get('scope'), id, year, readsAcceptance(c));
      return pdf(
        await villageReportPdf(report),
        `village-${report.village.code}-${year}.pdf`,
        `${report.village.name}${year}年度报告.pdf`,
      );
    })
    .get('/township.pdf', validate('query', yearQuery.merge(placeQuery)), async (c) => {
      const q = c.req.valid('query');
      const year = campaignYear(ctx, q.year);
      const place = placeOf(ctx, q.township ?? null);
      const report = townshipReport(ctx, place, c.get('scope'), year, readsAcceptance(c));
      return pdf(
        await townshipReportPdf(report),
        q.township === undefined ? `township-${year}.pdf` : `township-${q.township}-${year}.pdf`,
        `${place.name}${year}年度汇总报告.pdf`,
      );
    })
    .get('/map.pdf', validate('query', mapQuery.merge(placeQuery)), async (c) => {
      const q = c.req.valid('query');
      const { at, day } = dayOf(q.at);
      const place = placeOf(ctx, q.township ?? null);
      const map = wallMap(ctx, place, c.get('scope'), { day, areaId: areaOf(q.area) });
      return pdf(await wallMapPdf(map), `map-a3-${at}.pdf`, `${map.subject}整治分布图-${at}.pdf`);
    })
    .get('/ledger/village/:file', validate('query', dayQuery), async (c) => {
      const id = villageIdIn(c.req.param('file'), 'xlsx');
      const actor = actorOf(c);
      const day = ledgerDay(ctx, c.req.valid('query'));
      const file = await villageLedger(
        ctx,
        { actor: actor.username, role: actor.role, scope: c.get('scope'), ...day },
        id,
      );
      return workbook(file);
    })
    .get('/ledger/trade/:file', validate('query', dayQuery.merge(placeQuery)), async (c) => {
      const code = stemOf(c.req.param('file'), 'xlsx', 'restaurant.xlsx');
      const actor = actorOf(c);
      const q = c.req.valid('query');
      const day = ledgerDay(ctx, q);
      const place = placeOf(ctx, q.township ?? null);
      const file = await tradeLedger(
        ctx,
        { actor: actor.username, role: actor.role, scope: c.get('scope'), place, ...day },
        code,
      );
      return workbook(file);
    });
}
