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
  if (m) return new ApiError(422, 'missing_value', `${describe(m[1])} is required and was not given`);
  m = /^UNIQUE constraint failed: ([\w.]+)/.exec(text);
  if (m)
    return new ApiError(
      409,
      'already_exists',
      `${describe(m[1])} is already on record for another entry; use a different one or change that entry`,
    );
  m = /^CHECK constraint failed: (.+)$/.exec(text);
  if (m)
    return new ApiError(422, 'out_of_range', `${describe(checkedColumn(m[1], table))} is not allowed here`);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return new ApiError(
      409,
      'in_use',
      'the change refers to something that is not on record, or removes something still in use (villages with premises, a township with villages)',
    );
  return new ApiError(422, 'refused', 'the record refused the change: it breaks one of its rules');
}
