import { maskIdNumber, maskName, maskPhone } from '../mask';

const MASKS: Record<string, (value: string) => string | null> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  operator: maskName,
};

interface Issue {
  field?: string | null;
  value: string;
}

const maskIssue = <T extends Issue>(issue: T): T => {
  const mask = issue.field ? MASKS[issue.field] : undefined;
  return mask ? { ...issue, value: mask(issue.value) ?? '' } : issue;
};

/**
 * A stored report (a dry run's result, an import's error report) with the cells of personal fields
 * (ID number, phone, operator) masked, for keeping once the import is settled: the report still
 * says which row and column was wrong and why, without the person's data.
 */
export function maskIssueValues<T>(report: T): T {
  if (report === null || typeof report !== 'object') return report;
  const r = report as { errors?: unknown; warnings?: unknown };
  const masked = { ...report } as { errors?: Issue[]; warnings?: Issue[] };
  if (Array.isArray(r.errors)) masked.errors = (r.errors as Issue[]).map(maskIssue);
  if (Array.isArray(r.warnings)) masked.warnings = (r.warnings as Issue[]).map(maskIssue);
  return masked as T;
}
