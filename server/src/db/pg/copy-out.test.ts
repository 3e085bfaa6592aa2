import { describe, expect, it } from 'vitest';
import { copyRows } from './copy-out';

describe('copyRows', () => {
  const text = '1\t丁记食杂店\t\\N\n2\ta\\tb\\\\c\\nd\t\n';
  const rows = [
    ['1', '丁记食杂店', null],
    ['2', 'a\tb\\c\nd', ''],
  ];

  it('reads COPY text split anywhere between chunks, inside a line or a character', () => {
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++)
      expect([...copyRows([bytes.subarray(0, cut), bytes.subarray(cut)])]).toEqual(rows);
  });

  it('refuses text that stops inside a row', () => {
    expect(() => [...copyRows([Buffer.from('1\tx\n2\ty')])]).toThrow(/middle of a row/);
  });
});
