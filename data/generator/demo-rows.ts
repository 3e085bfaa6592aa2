import { categoryByCode } from '../../server/src/domain/categories';
import { formatDay } from '../../server/src/domain/dates';
import type { PremiseEvent } from '../../server/src/domain/premise-event';
import type { DemoPremise } from './types';

/** The survey list's columns, as a township's own spreadsheet has them. */
export const PREMISE_HEADERS = [
  '档案编号',
  '名称',
  '经营者',
  '联系电话',
  '身份证号',
  '地址',
  '所属村社区',
  '村社区代码',
  '行业',
  '经度',
  '纬度',
  '坐标系',
  '定位方式',
  '重点对象',
  '面积',
  '从业人员',
  '备注',
] as const;

export const EVENT_HEADERS = [
  'archive_no',
  'date',
  'type',
  'problems',
  'deadline',
  'passed',
  'licence',
  'licence_no',
  'valid_to',
  'note',
] as const;

type Cell = string | number | undefined;

const dateCache = new Map<number, string>();

/** YYYY-MM-DD, memoised: a million premises' records share a few thousand dates. */
function date(epochDay: number | undefined): string | undefined {
  if (epochDay === undefined) return undefined;
  let text = dateCache.get(epochDay);
  if (text === undefined) {
    text = formatDay(epochDay);
    dateCache.set(epochDay, text);
  }
  return text;
}

export function premiseRow(p: DemoPremise): Cell[] {
  return [
    p.archiveNo,
    p.name,
    p.operator,
    p.phone,
    p.idNumber,
    p.address,
    p.villageName,
    p.villageCode,
    categoryByCode(p.category)?.name,
    p.lngLat[0].toFixed(6),
    p.lngLat[1].toFixed(6),
    'WGS84',
    p.geocodeMethod,
    p.keyObject ? '是' : '否',
    p.areaM2,
    p.staff,
    p.notes,
  ];
}

export function eventRow(archiveNo: string, e: PremiseEvent): Cell[] {
  return [
    archiveNo,
    date(e.day),
    e.type,
    e.problems?.join(';'),
    date(e.deadlineDay),
    e.passed === undefined ? undefined : e.passed ? '1' : '0',
    e.licence,
    e.licenceNo,
    date(e.validToDay),
    e.note,
  ];
}
