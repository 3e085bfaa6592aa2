import { describe, expect, it } from 'vitest';
import { errorReportCsv } from './error-report';

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('errorReportCsv', () => {
  it('says in Chinese what each cell should hold, with the English last, errors before warnings', () => {
    const csv = errorReportCsv(
      [
        {
          row: 4,
          column: '行业',
          value: '五金店',
          expected: 'one of the ten categories: 小食杂店、…',
          expectedZh: '十类行业之一：小食杂店、…',
        },
      ],
      [{ row: 2, column: '经度', value: '30.34', expected: 'swapped', expectedZh: '经度、纬度写反了' }],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines(csv)).toEqual([
      '行号,列,内容,应为,级别,expected',
      '2,经度,30.34,经度、纬度写反了,提示,swapped',
      '4,行业,五金店,十类行业之一：小食杂店、…,错误,one of the ten categories: 小食杂店、…',
    ]);
  });

  it('keeps a cell that would run as a formula inert', () => {
    const csv = errorReportCsv(
      [{ row: 3, column: '店名', value: '=HYPERLINK("http://x")', expected: 'a name', expectedZh: '店名' }],
      [],
    );
    expect(lines(csv)[1]).toBe(`3,店名,"'=HYPERLINK(""http://x"")",店名,错误,a name`);
  });

  it('falls back to the English for a dry run stored before the Chinese was written', () => {
    const csv = errorReportCsv([{ row: 5, column: '电话', value: 'abc', expected: 'a phone number' }], []);
    expect(lines(csv)[1]).toBe('5,电话,abc,a phone number,错误,a phone number');
  });
});
