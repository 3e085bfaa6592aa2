import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ImportError } from './import-error';
import { readTable } from './read-table';

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readTable: CSV', () => {
  it('reads GBK CSV and finds the header', async () => {
    const t = await readTable(
      new Uint8Array(iconv.encode('店名,地址,行业\n阿林小卖部,大唐村1组23号,小卖部\n', 'gbk')),
      'list.csv',
    );
    expect(t).toMatchObject({
      format: 'csv',
      encoding: 'GB18030',
      headerRowNo: 1,
      headers: ['店名', '地址', '行业'],
    });
    expect(t.rows).toEqual([{ rowNo: 2, cells: ['阿林小卖部', '大唐村1组23号', '小卖部'] }]);
  });
  it('skips title rows above the header and reads tabs', async () => {
    const text = '丁桥镇十小摸底登记表\n填报单位：社会事务办\n名称\t地址\t行业\n阿林小卖部\t大唐村\t小卖部\n';
    const t = await readTable(new TextEncoder().encode(text), 'list.txt');
    expect(t.headerRowNo).toBe(3);
    expect(t.rows[0]).toEqual({ rowNo: 4, cells: ['阿林小卖部', '大唐村', '小卖部'] });
  });
  it('refuses a cut-off CSV whose quote never closes', async () => {
    await expect(
      readTable(new TextEncoder().encode('名称,地址,行业\n"阿林小卖部,大唐'), 'cut.csv'),
    ).rejects.toThrow(/quoted cell is never closed: the file may be cut off/);
  });
  it('refuses a file with a header and no rows', async () => {
    await expect(readTable(new TextEncoder().encode('名称,地址,行业\n'), 'h.csv')).rejects.toThrow(
      /header row but no data rows/,
    );
  });
  it('refuses an empty file and one without a header', async () => {
    await expect(readTable(new Uint8Array(), 'e.csv')).rejects.toThrow(/e.csv is empty/);
    await expect(readTable(new TextEncoder().encode('a,b\n1,2\n'), 'x.csv')).rejects.toThrow(
      /no header row found/,
    );
  });
  it('refuses a legacy .xls workbook with what to do', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readTable(ole, 'old.xls')).rejects.toThrow(/save it as \.xlsx/);
  });
  it('says each refusal in Chinese too, for the page', async () => {
    const chinese = (bytes: Uint8Array, name: string) =>
      readTable(bytes, name).then(
        () => null,
        (err: ImportError) => err.messageZh,
      );
    const text = (s: string) => new TextEncoder().encode(s);
    expect(await chinese(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).toBe(
      'old.xls 是旧版 Excel 97–2003（.xls）文件：请用 Excel 或 WPS 打开，另存为 .xlsx 后再上传',
    );
    expect(await chinese(new Uint8Array(), 'e.csv')).toBe('e.csv 是空文件');
    expect(await chinese(text('a,b\n1,2\n'), 'x.csv')).toBe(
      'x.csv：前十行里找不到表头；第一行应写明各列名称，如：名称、地址、行业',
    );
    expect(await chinese(text('名称,地址,行业\n'), 'h.csv')).toBe('h.csv 只有表头，下面没有数据行');
    expect(await chinese(text('名称,地址,行业\n"阿林小卖部,大唐'), 'cut.csv')).toBe(
      'CSV 文件第 2 行无法读取：有一个引号没有闭合，文件可能不完整',
    );
    expect(await chinese(new Uint8Array([0x00, 0xff, 0xfe, 0x00, 0x81, 0x00]), 'x.bin')).toMatch(
      /^x\.bin 既不是 \.xlsx 表格，也不是 CSV 文本文件/,
    );
  });
});

describe('readTable: XLSX', () => {
  it('reads a sheet with a merged title row, dates and numbers', async () => {
    const bytes = await xlsx((wb) => {
      const s = wb.addWorksheet('摸底表');
      s.mergeCells('A1:D1');
      s.getCell('A1').value = '丁桥镇十小行业摸底登记表';
      s.addRow(['店名', '地址', '行业', '摸底日期']);
      s.addRow(['阿林小卖部', '大唐村1组23号', '小卖部', new Date(Date.UTC(2008, 2, 15))]);
      s.addRow([{ richText: [{ text: '康乐' }, { text: '发型' }] }, '丁桥大道1号', '美发', '2008-04-01']);
    });
    const t = await readTable(bytes, 'list.xlsx');
    expect(t).toMatchObject({
      format: 'xlsx',
      sheet: '摸底表',
      headerRowNo: 2,
      headers: ['店名', '地址', '行业', '摸底日期'],
    });
    expect(t.rows).toEqual([
      { rowNo: 3, cells: ['阿林小卖部', '大唐村1组23号', '小卖部', '2008-03-15'] },
      { rowNo: 4, cells: ['康乐发型', '丁桥大道1号', '美发', '2008-04-01'] },
    ]);
  });
  it('refuses a workbook whose sheets are empty', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('Sheet1'));
    await expect(readTable(bytes, 'empty.xlsx')).rejects.toThrow(/worksheet "Sheet1" is empty/);
  });
  it('refuses a cut-off workbook', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('s').addRow(['名称', '地址', '行业']));
    await expect(readTable(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.xlsx')).rejects.toThrow(
      /damaged or cut off/,
    );
  });
  it('reads the sheet asked for, and says which exist when it is not there', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('说明').addRow(['本表填写说明']);
      const s = wb.addWorksheet('数据');
      s.addRow(['名称', '地址', '行业']);
      s.addRow(['阿林小卖部', '大唐村', '小卖部']);
    });
    expect((await readTable(bytes, 'b.xlsx', '数据')).rows).toHaveLength(1);
    await expect(readTable(bytes, 'b.xlsx', '台账')).rejects.toThrow(
      /no worksheet "台账" \(it has 说明, 数据\)/,
    );
  });
});
