import { describe, expect, it } from 'vitest';
import { premiseSheet, safeFileName } from './premise-sheet';

const premise = {
  archiveNo: 'DQ-0001',
  name: '=HYPERLINK("http://x","点我")',
  category: 'grocery',
  village: { name: '丁桥村' },
  status: 'pending',
  unlicensed: true,
  address: '+86 大街 1 号',
};

describe('premiseSheet', () => {
  it('writes the CSV columns in the page language', () => {
    const zh = premiseSheet([{ ...premise, name: '老王杂货', address: '大街 1 号' }], 'zh');
    expect(zh.header).toEqual(['档案编号', '店名', '行业', '村（社区）', '当日状态', '无证照', '地址']);
    expect(zh.rows[0]).toEqual(['DQ-0001', '老王杂货', '小食杂店', '丁桥村', '待整治', '是', '大街 1 号']);
    expect(premiseSheet([premise], 'en').rows[0][2]).toBe('Grocery');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const [row] = premiseSheet([{ ...premise, archiveNo: '@SUM(A1)', village: { name: '-1+1' } }], 'zh').rows;
    expect(row[0]).toBe("'@SUM(A1)");
    expect(row[1]).toBe('\'=HYPERLINK("http://x","点我")');
    expect(row[3]).toBe("'-1+1");
    expect(row[6]).toBe("'+86 大街 1 号");
  });
});

describe('safeFileName', () => {
  it('drops path and reserved characters', () => {
    expect(safeFileName('站前/片区: "重点"?')).toBe('站前_片区_ _重点_');
    expect(safeFileName('[a]\tb')).toBe('_a_b');
    expect(safeFileName('  ')).toBe('export');
  });
});
