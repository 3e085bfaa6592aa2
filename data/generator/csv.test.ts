import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from './csv';

describe('csvField', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('丁桥镇长睦路126号')).toBe('丁桥镇长睦路126号');
    expect(csvField(35.5)).toBe('35.5');
  });

  it('writes null and undefined as empty fields', () => {
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('阿芳"小吃"')).toBe('"阿芳""小吃"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });
});

describe('csvRow', () => {
  it('joins escaped fields and ends the record with CRLF', () => {
    expect(csvRow(['DQ2008-0001', 'a,b', undefined, 3])).toBe('DQ2008-0001,"a,b",,3\r\n');
  });
});
