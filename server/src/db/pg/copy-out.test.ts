import { describe, expect, it } from 'vitest';
import { type CopyKind, readCopyRows } from './copy-out';

/** Each row copied out (the reader gives the same array each time). */
const read = (chunks: Buffer[], kinds: readonly CopyKind[]) => {
  const rows: unknown[][] = [];
  readCopyRows(chunks, kinds, (row) => rows.push([...row]));
  return rows;
};

describe('readCopyRows', () => {
  const kinds: CopyKind[] = ['int', 'text', 'text', 'int', 'int'];
  const text = '1\t丁记食杂店\t\\N\t-20\t\\N\n22\ta\\tb\\\\c\\nd\t\t0\t9007199254740991\n';
  const rows = [
    [1, '丁记食杂店', null, -20, null],
    [22, 'a\tb\\c\nd', '', 0, 9007199254740991],
  ];

  it('reads COPY text split anywhere between chunks, inside a line, a number or a character', () => {
    const bytes = Buffer.from(text);
    expect(read([bytes], kinds)).toEqual(rows);
    for (let cut = 1; cut < bytes.length; cut++)
      expect(read([bytes.subarray(0, cut), bytes.subarray(cut)], kinds)).toEqual(rows);
    // in three pieces, one of them empty
    expect(read([bytes.subarray(0, 5), Buffer.alloc(0), bytes.subarray(5)], kinds)).toEqual(rows);
    // a byte at a time: every line across many chunks
    expect(
      read(
        [...bytes].map((b) => Buffer.from([b])),
        kinds,
      ),
    ).toEqual(rows);
  });

  it('takes a text that looks like a null only when it is the whole field', () => {
    expect(read([Buffer.from('\\\\N\t\\N\n\\N\tx\\Ny\n')], ['text', 'text'])).toEqual([
      ['\\N', null],
      [null, 'xNy'],
    ]);
  });

  it('refuses text that stops inside a row, a field that is not an integer, and too few or too many fields', () => {
    expect(() => read([Buffer.from('1\tx\n2\ty')], ['int', 'text'])).toThrow(/middle of a row/);
    expect(() => read([Buffer.from('1x\ty\n')], ['int', 'text'])).toThrow(
      /"1x\\ty": field 1 is not an integer/,
    );
    expect(() => read([Buffer.from('\ty\n')], ['int', 'text'])).toThrow(/field 1 is not an integer/);
    expect(() => read([Buffer.from('1.5\n')], ['int'])).toThrow(/not an integer/);
    expect(() => read([Buffer.from('1\n')], ['int', 'text'])).toThrow(/not the 2 fields/);
    expect(() => read([Buffer.from('1\ta\tb\n')], ['int', 'text'])).toThrow(/more than the 2 fields/);
  });
});
