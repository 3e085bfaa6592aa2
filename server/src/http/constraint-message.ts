import { ApiError } from './api-error';

/** What a column is called in the office's words, for messages about the record's own rules. */
const FIELDS: Record<string, string> = {
  'townships.code': 'the township code (镇街代码)',
  'townships.name': 'the township name',
  'villages.code': 'the village code (村社区代码)',
  'villages.name': 'the village name',
  'villages.township_id':
    'the township the village belongs to (import the village boundaries or the township outline first)',
  'premises.archive_no': 'the archive number (档案编号)',
  'premises.name': 'the premise name (名称)',
  'premises.address': 'the address (地址)',
  'premises.village_id': 'the village (所属村社区)',
  'premises.lng': 'the longitude (经度)',
  'premises.lat': 'the latitude (纬度)',
  'address_points.lng': 'the longitude (经度), which must lie from -180 to 180',
  'address_points.lat': 'the latitude (纬度), which must lie from -90 to 90 (are 经度 and 纬度 swapped?)',
  'address_points.number': 'the door number (号), a whole number from 1',
  'place_aliases.from_name': 'the former name',
  'areas.name': 'the key area name',
};

/** The same columns in Chinese, for `messageZh`. */
const FIELDS_ZH: Record<string, string> = {
  'townships.code': '镇街代码',
  'townships.name': '镇街名称',
  'villages.code': '村（社区）代码',
  'villages.name': '村（社区）名称',
  'villages.township_id': '村（社区）所属镇街（请先导入村界或镇界）',
  'premises.archive_no': '档案编号',
  'premises.name': '经营户名称',
  'premises.address': '地址',
  'premises.village_id': '所属村（社区）',
  'premises.lng': '经度',
  'premises.lat': '纬度',
  'address_points.lng': '经度（应在 -180 到 180 之间）',
  'address_points.lat': '纬度（应在 -90 到 90 之间，经纬度是否填反了？）',
  'address_points.number': '门牌号（从 1 起的整数）',
  'place_aliases.from_name': '原地名',
  'areas.name': '重点区域名称',
};

const describeZh = (column: string) => FIELDS_ZH[column] ?? column.split('.').pop() ?? column;

const describe = (column: string) => FIELDS[column] ?? column.split('.').pop()?.replace(/_/g, ' ') ?? column;

/** The column a CHECK constraint's text is about: `lat BETWEEN -90 AND 90` → lat. */
function checkedColumn(check: string, table: string | null): string {
  const column = /^\(?\s*([a-z_]+)/.exec(check)?.[1] ?? check;
  return table ? `${table}.${column}` : column;
}

/**
 * A database constraint failure as a message a person can act on — the product's checks should
 * come first and catch the row or field; this is the net under them, so that `NOT NULL constraint
 * failed: villages.township_id` never reaches a user. Null when the error is not a constraint failure.
 */
export function constraintError(err: unknown, table: string | null = null): ApiError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return null;
  const text = (err as Error).message;
  let m = /^NOT NULL constraint failed: ([\w.]+)/.exec(text);
  if (m)
    return new ApiError(
      422,
      'missing_value',
      `${describe(m[1])} is required and was not given`,
      undefined,
      `${describeZh(m[1])}是必填项，请填写`,
    );
  m = /^UNIQUE constraint failed: ([\w.]+)/.exec(text);
  if (m)
    return new ApiError(
      409,
      'already_exists',
      `${describe(m[1])} is already on record for another entry; use a different one or change that entry`,
      undefined,
      `${describeZh(m[1])}已被另一条记录使用；请换一个，或修改那条记录`,
    );
  m = /^CHECK constraint failed: (.+)$/.exec(text);
  if (m)
    return new ApiError(
      422,
      'out_of_range',
      `${describe(checkedColumn(m[1], table))} is not allowed here`,
      undefined,
      `${describeZh(checkedColumn(m[1], table))}的值不符合要求，请核对后重填`,
    );
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return new ApiError(
      409,
      'in_use',
      'the change refers to something that is not on record, or removes something still in use (villages with premises, a township with villages)',
      undefined,
      '这次修改引用了不存在的内容，或要删除仍在使用的内容（有经营户的村（社区）、有村（社区）的镇街）',
    );
  return new ApiError(
    422,
    'refused',
    'the record refused the change: it breaks one of its rules',
    undefined,
    '这次修改不符合数据规则，未能保存；请核对填写的内容',
  );
}
