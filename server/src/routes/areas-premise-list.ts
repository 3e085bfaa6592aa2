import type { AppContext } from '../context';
import { premiseSummaries } from '../db/areas';
import { listVillages } from '../db/geography';
import type { AreaShape } from '../domain/areas/area-stats';
import { type PremiseInside, premisesInside } from '../domain/areas/premises-inside';
import { CATEGORIES } from '../domain/categories';
import { csvText } from '../domain/csv-text';
import { formatDay } from '../domain/dates';
import type { PremiseColumns } from '../domain/premise-columns';
import { STATUSES } from '../domain/statuses';

const statusName = new Map<string, string>(STATUSES.map((s) => [s.key, s.name]));
const categoryName = new Map<string, string>(CATEGORIES.map((c) => [c.code, c.name]));

/** The premises inside on a day, with a way to add their file details (a few at a time). */
function premiseList(ctx: AppContext, cols: PremiseColumns, shape: AreaShape, day: number) {
  const inside = premisesInside(cols, shape, day);
  const villageName = new Map(listVillages(ctx.db).map((v) => [v.id, v.name]));
  const details = (slice: PremiseInside[]) => {
    const files = premiseSummaries(
      ctx.db,
      slice.map((p) => p.id),
    );
    return slice.map((p) => ({
      id: p.id,
      archiveNo: files.get(p.id)?.archiveNo ?? '',
      name: files.get(p.id)?.name ?? '',
      category: p.category,
      village: { id: p.villageId, name: villageName.get(p.villageId) ?? '' },
      status: p.status,
      unlicensed: p.unlicensed,
      address: files.get(p.id)?.address ?? '',
    }));
  };
  return { inside, details };
}

/** One page of the premises inside the shape on `day`, by id. */
export function premisePage(
  ctx: AppContext,
  cols: PremiseColumns,
  shape: AreaShape,
  day: number,
  page: number,
  pageSize: number,
) {
  const { inside, details } = premiseList(ctx, cols, shape, day);
  return {
    at: formatDay(day),
    total: inside.length,
    page,
    pageSize,
    pages: Math.ceil(inside.length / pageSize),
    premises: details(inside.slice((page - 1) * pageSize, page * pageSize)),
  };
}

/** All premises inside the shape on `day` as a CSV download (BOM, neutralised formulas). */
export function premiseCsv(
  ctx: AppContext,
  cols: PremiseColumns,
  shape: AreaShape,
  day: number,
  fileName: string,
): Response {
  const { inside, details } = premiseList(ctx, cols, shape, day);
  const rows: string[][] = [];
  for (let i = 0; i < inside.length; i += 1000) {
    for (const p of details(inside.slice(i, i + 1000))) {
      rows.push([
        p.archiveNo,
        p.name,
        categoryName.get(p.category) ?? p.category,
        p.village.name,
        statusName.get(p.status) ?? p.status,
        p.unlicensed ? '是' : '否',
        p.address,
      ]);
    }
  }
  const text = csvText(['档案编号', '名称', '行业', '所属村社区', '状态', '无证照', '地址'], rows);
  return new Response(text, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      // header values are Latin-1: an ASCII name for old clients, the Chinese one encoded (RFC 6266)
      'Content-Disposition': `attachment; filename="key-area-premises.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}.csv`,
    },
  });
}
