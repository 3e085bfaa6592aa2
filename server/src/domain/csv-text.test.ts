import { describe, expect, it } from 'vitest';
import { csvText, neutralise } from './csv-text';

describe('csvText', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const text = csvText(['名称', '数量'], [['阿林熟食加工坊', 3]]);
    expect(text).toBe('\uFEFF名称,数量\r\n阿林熟食加工坊,3\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvText(['a'], [['x, "y"\nz']])).toBe('\uFEFFa\r\n"x, ""y""\nz"\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const attack of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1']) {
      expect(neutralise(attack)).toBe(`'${attack}`);
    }
    expect(csvText(['a'], [['=1+1']])).toBe("\uFEFFa\r\n'=1+1\r\n");
  });

  it('leaves numbers, including negative ones, and ordinary text alone', () => {
    expect(csvText(['a', 'b', 'c', 'd'], [[-5, '丁桥镇 1 号', null, true]])).toBe(
      '\uFEFFa,b,c,d\r\n-5,丁桥镇 1 号,,true\r\n',
    );
  });
});
