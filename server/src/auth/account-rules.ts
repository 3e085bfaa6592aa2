import { z } from 'zod';
import { listTownships, listVillages } from '../db/geography';
import type { Db } from '../db/open-database';
import type { UserRow } from '../db/users';
import { DEPARTMENT_CODES, ROLES } from '../domain/auth/roles';
import { ApiError } from '../http/api-error';

/** What accounts may be, for the admin page's API and the CLI alike. */
export const usernameSchema = z
  .string()
  .trim()
  .regex(
    /^[\p{L}\p{N}._-]{2,40}$/u,
    'expected 2–40 letters, digits, dots, dashes or underscores, e.g. wangli',
  );
export const roleSchema = z.enum(ROLES, { message: `expected one of ${ROLES.join(', ')}` });
export const departmentSchema = z.enum(DEPARTMENT_CODES, {
  message: `expected one of ${DEPARTMENT_CODES.join(', ')}`,
});
export const villageCodesSchema = z.array(z.string().trim().min(1)).max(100);
/** The townships an account is limited to, by code; [] for the whole district. */
export const townshipCodesSchema = z.array(z.string().trim().min(1)).max(100);
export const displayNameSchema = z.string().trim().max(40);
export const tokenNameSchema = z.string().trim().min(1, 'name the token, e.g. QGIS on the GIS PC').max(80);

/** An account as the admin sees it: never its password hash. */
export function shownUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    villages: u.villageCodes,
    townships: u.townshipCodes,
    department: u.department,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt,
  };
}

/**
 * A village officer keeps villages on record; an inspector belongs to a department; an account
 * limited to townships names townships on record, and is not an admin (who keeps the whole district).
 */
export function checkScope(
  db: Db,
  r: { role: string; villages: string[]; townships?: string[]; department: string | null },
): void {
  checkTownships(db, r.role, r.townships ?? []);
  if (r.role === 'village') {
    if (r.villages.length === 0)
      throw new ApiError(
        400,
        'bad_request',
        'villages: a village officer keeps at least one village (its code)',
        undefined,
        '负责村（社区）：村（社区）干部至少要负责一个村（社区），请选择',
      );
    const known = new Set(listVillages(db).map((v) => v.code));
    const unknown = r.villages.filter((code) => !known.has(code));
    if (unknown.length > 0)
      throw new ApiError(
        400,
        'bad_request',
        `villages: no village with code ${unknown.join(', ')} on record`,
        undefined,
        `负责村（社区）：没有代码为 ${unknown.join('、')} 的村（社区），请重新选择`,
      );
  }
  if (r.role === 'inspector' && !r.department)
    throw new ApiError(
      400,
      'bad_request',
      `department: an inspector belongs to a department (${DEPARTMENT_CODES.join(', ')})`,
      undefined,
      '所属部门：检查人员必须属于一个部门，请选择部门',
    );
}

function checkTownships(db: Db, role: string, townships: string[]): void {
  if (townships.length === 0) return;
  if (role === 'admin')
    throw new ApiError(
      400,
      'bad_request',
      'townships: an admin keeps the whole district; limit a leader, viewer, inspector or village officer instead',
      undefined,
      '所属乡镇：管理员管理全区，不能限定乡镇；请给领导、查看、检查人员或村（社区）账号限定乡镇',
    );
  const known = new Set(listTownships(db).map((t) => t.code));
  const unknown = townships.filter((code) => !known.has(code));
  if (unknown.length > 0)
    throw new ApiError(
      400,
      'bad_request',
      `townships: no township with code ${unknown.join(', ')} on record (known: ${[...known].join(', ') || 'none'})`,
      undefined,
      `所属乡镇：没有代码为 ${unknown.join('、')} 的乡镇（现有：${[...known].join('、') || '无'}），请重新填写`,
    );
}
