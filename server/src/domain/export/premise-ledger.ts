import { categoryByCode } from '../categories';
import { formatDay } from '../dates';
import type { PremiseEvent } from '../premise-event';
import { isUnlicensed, stateAt } from '../status-at';
import { STATUSES, type Status } from '../statuses';

/**
 * The premise fields a ledger row is made from: what the record holds, with the personal data
 * already as the requester may see it (the export masks it before it makes rows).
 */
export interface LedgerPremise {
  id: number;
  archiveNo: string;
  name: string;
  operator: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string;
  villageName: string;
  villageCode: string;
  category: string;
  lng: number;
  lat: number;
  crs: string;
  geocodeMethod: string;
  keyObject: boolean;
  areaM2: number | null;
  staff: number | null;
  notes: string | null;
}

/** One premise on the ledger date: its fields, its status and licences then. */
export interface LedgerEntry {
  premise: LedgerPremise;
  status: Status;
  unlicensed: boolean;
  surveyDay: number;
  businessNo: string | null;
  businessValidTo: number | null;
  permitNo: string | null;
  permitValidTo: number | null;
}

/**
 * Where a premise stands on `day`, or null when it was not yet surveyed then (not on the map).
 * The same fold as the map's, so an export agrees with what the map shows that day.
 */
export function ledgerEntry(
  premise: LedgerPremise,
  events: readonly PremiseEvent[],
  day: number,
): LedgerEntry | null {
  const category = categoryByCode(premise.category);
  if (!category) return null;
  const state = stateAt(events, day);
  if (state.status === null) return null;
  const licence = (code: string) => {
    const held = state.licences.get(code as never);
    return held
      ? { no: held.licenceNo ?? null, to: Number.isFinite(held.toDay) ? held.toDay : null }
      : { no: null, to: null };
  };
  const business = licence('business');
  const permit = licence(category.licences.find((l) => l !== 'business') ?? '');
  return {
    premise,
    status: state.status,
    unlicensed: isUnlicensed(state, category, day),
    surveyDay: events.find((e) => e.type === 'surveyed')?.day ?? events[0]?.day ?? day,
    businessNo: business.no,
    businessValidTo: business.to,
    permitNo: permit.no,
    permitValidTo: permit.to,
  };
}

export type LedgerCell = string | number | null;

export interface LedgerColumn {
  header: string;
  /** Column width in Excel characters. */
  width: number;
  value: (e: LedgerEntry) => LedgerCell;
}

const statusName = new Map<string, string>(STATUSES.map((s) => [s.key, s.name]));
const day = (d: number | null) => (d === null ? null : formatDay(d));

/**
 * The ledger's columns, headed as the survey list is (so an exported ledger imports again), with
 * the status and licence state on the ledger date added.
 */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: '档案编号', width: 16, value: (e) => e.premise.archiveNo },
  { header: '名称', width: 24, value: (e) => e.premise.name },
  { header: '经营者', width: 10, value: (e) => e.premise.operator },
  { header: '联系电话', width: 14, value: (e) => e.premise.phone },
  { header: '身份证号', width: 20, value: (e) => e.premise.idNumber },
  { header: '地址', width: 32, value: (e) => e.premise.address },
  { header: '所属村社区', width: 12, value: (e) => e.premise.villageName },
  { header: '村社区代码', width: 14, value: (e) => e.premise.villageCode },
  { header: '行业', width: 14, value: (e) => categoryByCode(e.premise.category)?.name ?? e.premise.category },
  { header: '状态', width: 8, value: (e) => statusName.get(e.status) ?? e.status },
  { header: '无证照', width: 7, value: (e) => (e.unlicensed ? '是' : '否') },
  { header: '营业执照号', width: 20, value: (e) => e.businessNo },
  { header: '营业执照有效期', width: 13, value: (e) => day(e.businessValidTo) },
  { header: '许可证号', width: 20, value: (e) => e.permitNo },
  { header: '许可证有效期', width: 13, value: (e) => day(e.permitValidTo) },
  { header: '摸底日期', width: 11, value: (e) => formatDay(e.surveyDay) },
  { header: '经度', width: 11, value: (e) => Number(e.premise.lng.toFixed(6)) },
  { header: '纬度', width: 10, value: (e) => Number(e.premise.lat.toFixed(6)) },
  { header: '坐标系', width: 8, value: () => 'WGS84' },
  { header: '定位方式', width: 16, value: (e) => e.premise.geocodeMethod },
  { header: '重点对象', width: 8, value: (e) => (e.premise.keyObject ? '是' : '否') },
  { header: '面积', width: 7, value: (e) => e.premise.areaM2 },
  { header: '从业人员', width: 8, value: (e) => e.premise.staff },
  { header: '备注', width: 24, value: (e) => e.premise.notes },
];

/** The ledger's cells for one entry, in column order. */
export function ledgerRow(e: LedgerEntry): LedgerCell[] {
  return LEDGER_COLUMNS.map((c) => c.value(e));
}
