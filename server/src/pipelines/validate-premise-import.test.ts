import { describe, expect, it } from 'vitest';
import { testBoot } from '../../../tests/helpers/test-app';
import { csvText } from '../domain/csv-text';
import { ImportError } from '../domain/import/import-error';
import type { RowIssue } from '../domain/import/premise-candidate';
import { commitPremiseImport } from './commit-premise-import';
import { stagePremiseImport } from './stage-premise-import';
import { lastValidation, validatePremiseImport } from './validate-premise-import';

const HEADERS = [
  '档案编号',
  '店名',
  '负责人',
  '联系电话',
  '身份证号',
  '经营地址',
  '所属村社区',
  '行业',
  '营业执照号',
  '营业执照有效期',
  '许可证号',
  '许可证有效期',
  '经度',
  '纬度',
  '坐标系',
  '摸底日期',
  '面积',
  '从业人员',
  '重点对象',
  '定位方式',
] as const;
type Row = Partial<Record<(typeof HEADERS)[number], string>>;

// A row with nothing wrong: a shop in 大唐村 at a point inside it.
const GOOD: Row = {
  店名: '阿林小卖部',
  经营地址: '丁桥镇大唐村1组23号',
  所属村社区: '大唐村',
  行业: '小卖部',
  经度: '120.210104',
  纬度: '30.341777',
  摸底日期: '2008-03-15',
};
const IN_DINGQIAO = { 经度: '120.236183', 纬度: '30.349192' }; // 长睦路300号, in 丁桥社区
const NO_POINT = { 经度: '', 纬度: '' };

/**
 * One row per kind of mistake a survey list holds, each otherwise good; a mistake that needs an
 * earlier row (a duplicate) brings it along, and is the last of its rows.
 */
const MISTAKES: [string, ...Row[]][] = [
  ['missing name', { ...GOOD, 店名: '' }],
  ['empty address', { ...GOOD, 经营地址: '' }],
  ['unknown category', { ...GOOD, 行业: '五金店' }],
  ['bad phone', { ...GOOD, 联系电话: '12345' }],
  ['ID in scientific notation', { ...GOOD, 身份证号: '3.30104198312308E+17' }],
  ['ID that lost its last digits', { ...GOOD, 身份证号: '330104198312308000' }],
  ['masked ID', { ...GOOD, 身份证号: '330104********1234' }],
  ['ID with a wrong check digit', { ...GOOD, 身份证号: '110105194912310021' }],
  ['impossible date', { ...GOOD, 摸底日期: '2008-02-30' }],
  ['date before the campaign', { ...GOOD, 摸底日期: '2007-05-01' }],
  ['date in the future', { ...GOOD, 摸底日期: '2099-01-01' }],
  ['bad area', { ...GOOD, 面积: '很大' }],
  ['bad staff count', { ...GOOD, 从业人员: '2.5' }],
  ['bad yes/no', { ...GOOD, 重点对象: '也许' }],
  ['coordinate system a premise cannot be in', { ...GOOD, 坐标系: 'EPSG:4549' }],
  ['swapped coordinates', { ...GOOD, 经度: '30.341777', 纬度: '120.210104' }],
  ['point outside China', { ...GOOD, 经度: '2.3522', 纬度: '48.8566' }],
  ['longitude without latitude', { ...GOOD, 纬度: '' }],
  ['unreadable longitude', { ...GOOD, 经度: '东边' }],
  ['unknown placing method', { ...GOOD, 定位方式: 'gps' }],
  ['unreadable licence period', { ...GOOD, 营业执照号: '330104600012345', 营业执照有效期: '好几年' }],
  ['licence period without its number', { ...GOOD, 营业执照有效期: '2011-05-31' }],
  ['licence number too long', { ...GOOD, 营业执照号: '9'.repeat(65) }],
  [
    'period ending before it starts',
    { ...GOOD, 许可证号: '食经营字001', 许可证有效期: '2011-05-31至2008-06-01' },
  ],
  ['cell too long', { ...GOOD, 负责人: '王'.repeat(501) }],
  ['unknown village', { ...GOOD, 所属村社区: '火星村' }],
  ['unknown village on a row with other errors', { ...GOOD, 店名: '', 所属村社区: '火星村' }],
  ['village written and village at the point differ', { ...GOOD, ...IN_DINGQIAO }],
  ['point outside every village, village given', { ...GOOD, 经度: '121.5', 纬度: '31.2' }],
  ['point outside every village, none given', { ...GOOD, 所属村社区: '', 经度: '121.5', 纬度: '31.2' }],
  ['nothing says where it is', { ...GOOD, ...NO_POINT, 所属村社区: '', 经营地址: '不知道' }],
  ['placed with low confidence', { ...GOOD, ...NO_POINT, 经营地址: '大唐村某处' }],
  [
    'archive number given twice',
    { ...GOOD, 店名: '甲店', 档案编号: 'DT-001' },
    { ...GOOD, 店名: '乙店', 档案编号: 'DT-001' },
  ],
  [
    'premise listed twice',
    { ...GOOD, 店名: '重复小店', 经营地址: '丁桥镇大唐村2组5号' },
    { ...GOOD, 店名: '重复小店', 经营地址: '丁桥镇大唐村2组5号' },
  ],
];

/** The rows of the list, and the row number (as the file numbers it, header first) of each mistake. */
// Each row its own name (unless the mistake is about the name), so no two pass for one premise.
const LIST = MISTAKES.flatMap(([, ...rows]) => rows).map((r, i) =>
  r.店名 === GOOD.店名 ? { ...r, 店名: `${GOOD.店名}${i + 1}号店` } : r,
);
const MISTAKE_ROWS = MISTAKES.map(
  (_, i) => 1 + MISTAKES.slice(0, i + 1).reduce((n, m) => n + m.length - 1, 0),
);

const csvOf = (rows: Row[]) =>
  new TextEncoder().encode(
    csvText(
      HEADERS,
      rows.map((r) => HEADERS.map((h) => r[h] ?? '')),
    ),
  );

/** Chinese a worker can read: Chinese characters, not the English sentence (or a copy of it). */
function saysInChinese(i: RowIssue): boolean {
  return (
    /[\u4e00-\u9fff]/u.test(i.expectedZh) &&
    i.expectedZh !== i.expected &&
    !/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.test(i.expectedZh)
  );
}

describe('the premise dry run, in Chinese', () => {
  it('tells every mistake of a list full of them in Chinese as well as English', async () => {
    const { ctx } = await testBoot('demo');
    const job = await stagePremiseImport(ctx, { name: '摸底表.csv', bytes: csvOf(LIST) });
    const v = await validatePremiseImport(ctx, job);
    const issues = [...v.errors, ...v.warnings];
    // Every mistake was found: the list exercises every check it names.
    const rowsWithIssues = new Set(issues.map((i) => i.row));
    const missed = MISTAKES.filter((_, i) => !rowsWithIssues.has(MISTAKE_ROWS[i])).map(([what]) => what);
    expect(missed).toEqual([]);
    expect(issues.filter((i) => !saysInChinese(i))).toEqual([]);
  }, 60_000);

  it('says why the whole list is refused in Chinese too', async () => {
    const { ctx } = await testBoot('demo');
    const job = await stagePremiseImport(ctx, {
      name: '摸底表.csv',
      bytes: csvOf([GOOD, { ...GOOD, 店名: '' }]),
    });
    const refusal = (f: () => unknown) =>
      Promise.resolve()
        .then(f)
        .then(
          () => null,
          (err: ImportError) => err,
        );
    expect(await refusal(() => lastValidation(job))).toMatchObject({
      status: 409,
      messageZh: `第 ${job.id} 号导入还没有检查过；请先做一次试导入检查`,
    });
    const commit = await refusal(() => commitPremiseImport(ctx, job, { duplicates: 'skip', rows: {} }));
    expect(commit).toBeInstanceOf(ImportError);
    expect(commit).toMatchObject({
      message: expect.stringMatching(/^1 of 2 rows have errors \(1 in all\); nothing was imported/),
      messageZh: '2 行中有 1 行有错误（共 1 处），本次没有导入任何内容。请按错误报告改正后重新上传',
    });
  }, 60_000);
});
