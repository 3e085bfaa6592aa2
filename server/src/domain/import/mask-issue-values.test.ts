import { describe, expect, it } from 'vitest';
import { maskIssueValues } from './mask-issue-values';

const issue = (field: string | null, value: string) => ({
  row: 2,
  column: '列',
  field,
  value,
  expected: '…',
});

describe('maskIssueValues', () => {
  it('masks the cells of ID numbers, phones and operators, and keeps every other cell and count', () => {
    const report = {
      errorCount: 3,
      errors: [issue('idNumber', '11010519491231002X'), issue('address', '大唐村1组99号')],
      warnings: [issue('phone', '13812345678'), issue('operator', '王小明'), issue(null, '33')],
    };
    expect(maskIssueValues(report)).toEqual({
      errorCount: 3,
      errors: [issue('idNumber', '110105********002X'), issue('address', '大唐村1组99号')],
      warnings: [issue('phone', '138****5678'), issue('operator', '王**'), issue(null, '33')],
    });
    expect(report.errors[0].value).toBe('11010519491231002X');
  });

  it('leaves a report without issues, and no report, as they are', () => {
    expect(maskIssueValues(null)).toBeNull();
    expect(maskIssueValues({ imported: 3 })).toEqual({ imported: 3 });
  });
});
