import { describe, expect, it } from 'vitest';
import { redactPersonal } from './redact-personal';

describe('redactPersonal', () => {
  it('blots out ID numbers, mobiles and landline numbers', () => {
    expect(redactPersonal('id 11010519491231002X, tel 13812345678 / 0571-86001234')).toBe(
      'id ******************, tel *********** / 0571-********',
    );
  });

  it('keeps dates, ids, line and column numbers, so a stack still reads', () => {
    const stack = 'Error: premise 1234 on 2010-02-01\n    at write (/app/server/src/db/premises.ts:120:15)';
    expect(redactPersonal(stack)).toBe(stack);
  });
});
