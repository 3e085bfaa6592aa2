import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { listVillages } from '../db/geography';
import type { Scope } from '../domain/auth/policy';
import type { Role } from '../domain/auth/roles';
import { categoryByCode, categoryIndex } from '../domain/categories';
import { LEDGER_COLUMNS, type LedgerEntry, ledgerRow } from '../domain/export/premise-ledger';
import { ledgerWorkbook } from '../domain/report/ledger-workbook';
import { figuresOf } from '../domain/report/report-model';
import { campaignTitle, chineseDate } from '../domain/report/report-text';
import { notFound } from '../http/api-error';
import { type Place, placeOf, scopeInPlace } from '../township-scope';
import type { ExportFile } from './export-premises';
import { overdueWhere, tradeRows, villageRows, yearFacts } from './report-data';
import { selectPremises } from './select-premises-for-export';

/** Who asks for a ledger and for which day. */
export interface LedgerRequest {
  actor: string;
  role: Role;
  /** The premises the requester may see (export.ledger's scope). */
  scope: Scope;
  /** YYYY-MM-DD and its day number. */
  at: string;
  day: number;
}

/**
 * The 经营户明细 columns: the premise ledger's own (so a cell reads the same in every export), without
 * the ID number and the coordinates an inspection does not look at.
 */
const DETAIL_HEADERS = [
  '档案编号',
  '名称',
  '经营者',
  '联系电话',
  '地址',
  '所属村社区',
  '行业',
  '状态',
  '无证照',
  '营业执照号',
  '许可证号',
  '摸底日期',
  '备注',
] as const;
const DETAIL = DETAIL_HEADERS.map((h) => {
  const i = LEDGER_COLUMNS.findIndex((c) => c.header === h);
  if (i < 0) throw new Error(`the premise ledger has no column ${h}`);
  return { index: i, header: h, width: LEDGER_COLUMNS[i].width };
});

function detailRows(entries: readonly LedgerEntry[]) {
  return entries.map((e) => {
    const row = ledgerRow(e);
    return DETAIL.map((c) => row[c.index]);
  });
}

/** A ledger workbook, with the Chinese file name the browser saves it under. */
export type LedgerFile = ExportFile & { fileNameZh: string };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function logged(ctx: AppContext, req: LedgerRequest, ledger: object, count: number): void {
  audit(ctx.db, {
    actor: req.actor,
    action: 'export',
    entity: 'ledger',
    after: {
      format: 'xlsx',
      ...ledger,
      at: req.at,
      ...(req.scope.villages ? { scopeVillages: [...req.scope.villages] } : {}),
      ...(req.scope.categories ? { scopeCategories: [...req.scope.categories] } : {}),
      count,
      full: false,
    },
  });
}

/**
 * A village's 台账 on a day: 汇总表 by trade and 经营户明细, within the requester's scope and with
 * the personal data as their role sees it (the premise export's rules: an officer outside the
 * village gets 403). On the audit log.
 */
export async function villageLedger(
  ctx: AppContext,
  req: LedgerRequest,
  villageId: number,
): Promise<LedgerFile> {
  const { entries, filterText } = selectPremises(ctx, {
    at: req.at,
    villageId,
    role: req.role,
    scope: req.scope,
    actor: req.actor,
  });
  const village = listVillages(ctx.db).find((v) => v.id === villageId);
  // selectPremises has refused an unknown village already; this keeps the type checker sure.
  if (!village) throw notFound(`village ${villageId}`);
  const facts = yearFacts(ctx, req.scope, req.day);
  const unit = `${placeOf(ctx, village.townshipId).name}${village.name}`;
  const bytes = await ledgerWorkbook(
    {
      title: `${campaignTitle(unit)}工作台账（汇总表）`,
      unit,
      asOf: chineseDate(req.at),
      rowHeader: '行业',
      rows: tradeRows(facts, req.scope, villageId),
      totals: figuresOf(
        facts.tally.byVillage[String(villageId)],
        overdueWhere(facts, (row) => facts.cols.villageId[row] === villageId),
      ),
    },
    {
      title: `${campaignTitle(unit)}经营户明细`,
      subtitle: filterText,
      columns: DETAIL,
      rows: detailRows(entries),
      countYesColumn: DETAIL_HEADERS.indexOf('无证照'),
    },
  );
  logged(ctx, req, { ledger: 'village', village: villageId }, entries.length);
  return {
    bytes,
    contentType: XLSX,
    fileName: `ledger-village-${village.code}-${req.at}.xlsx`,
    fileNameZh: `${village.name}十小整治台账-${req.at}.xlsx`,
    count: entries.length,
  };
}

/**
 * A trade's 台账 on a day in a place (a township, or the whole record): 汇总表 by village (the
 * requester's villages there) and 经营户明细, with the same scope and personal-data rules as the
 * village's. 404 for an unknown trade, 403 outside an inspector's trades. On the audit log.
 */
export async function tradeLedger(
  ctx: AppContext,
  placed: LedgerRequest & { place: Place },
  code: string,
): Promise<LedgerFile> {
  const { place, ...asked } = placed;
  const req = { ...asked, scope: scopeInPlace(asked.scope, place) };
  const { entries, filterText } = selectPremises(ctx, {
    at: req.at,
    category: code,
    role: req.role,
    scope: req.scope,
    actor: req.actor,
  });
  const category = categoryByCode(code);
  // selectPremises has refused an unknown trade already; this keeps the type checker sure.
  if (!category) throw notFound(`category ${code}`);
  const index = categoryIndex(code);
  const facts = yearFacts(ctx, req.scope, req.day);
  const villages = place.villages.filter((v) => !req.scope.villages || req.scope.villages.has(v.id));
  const bytes = await ledgerWorkbook(
    {
      title: `${campaignTitle(place.name)}工作台账（${category.name}·汇总表）`,
      unit: `${place.name}${category.department}`,
      asOf: chineseDate(req.at),
      rowHeader: '村（社区）',
      rows: villageRows(facts, villages, index),
      totals: figuresOf(
        facts.tally.byCategory[category.code],
        overdueWhere(facts, (row) => facts.cols.category[row] === index),
      ),
    },
    {
      title: `${campaignTitle(place.name)}经营户明细（${category.name}）`,
      subtitle: filterText,
      columns: DETAIL,
      rows: detailRows(entries),
      countYesColumn: DETAIL_HEADERS.indexOf('无证照'),
    },
  );
  logged(ctx, req, { ledger: 'trade', category: category.code }, entries.length);
  return {
    bytes,
    contentType: XLSX,
    fileName: `ledger-trade-${category.code}-${req.at}.xlsx`,
    fileNameZh: `${category.name}十小整治台账-${req.at}.xlsx`,
    count: entries.length,
  };
}
