import { CATEGORIES, type CategoryCode } from '../categories';

/** Who uses the product (DESIGN §1), as accounts. */
export const ROLES = ['admin', 'leader', 'village', 'inspector', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { name: string; nameEn: string }> = {
  admin: { name: '管理员（整治办）', nameEn: 'Administrator (campaign office)' },
  leader: { name: '领导小组', nameEn: 'Leader' },
  village: { name: '村（社区）干部', nameEn: 'Village officer' },
  inspector: { name: '部门检查员', nameEn: 'Department inspector' },
  viewer: { name: '只读', nameEn: 'Viewer' },
};

/** The member units of the leading group: each regulates the categories that name it. */
export const DEPARTMENTS = [
  { code: 'aic', name: '工商所', nameEn: 'Market supervision office' },
  { code: 'police', name: '派出所', nameEn: 'Police station' },
  { code: 'enforcement', name: '行政执法中队', nameEn: 'Law enforcement squad' },
  { code: 'economy', name: '经发办', nameEn: 'Economic development office' },
  { code: 'stability', name: '综治办', nameEn: 'Public order office' },
  { code: 'social', name: '社会事务办', nameEn: 'Social affairs office' },
] as const;

export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];
export const DEPARTMENT_CODES = DEPARTMENTS.map((d) => d.code) as [DepartmentCode, ...DepartmentCode[]];

/** The categories a department regulates (the categories name their department). */
export function departmentCategories(code: DepartmentCode): CategoryCode[] {
  const name = DEPARTMENTS.find((d) => d.code === code)?.name;
  return CATEGORIES.filter((c) => c.department === name).map((c) => c.code);
}

/** The department a category's name gives (工商所 → aic). */
export function departmentOf(category: CategoryCode): DepartmentCode | null {
  const name = CATEGORIES.find((c) => c.code === category)?.department;
  return DEPARTMENTS.find((d) => d.name === name)?.code ?? null;
}
