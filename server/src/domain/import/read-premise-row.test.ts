import { describe, expect, it } from 'vitest';
import { GCJ02, WGS84 } from '../crs/crs-catalog';
import { day } from '../dates';
import type { HeaderMapping } from './header-mapping';
import { guessMapping } from './header-mapping';
import { type RowRules, readPremiseRow } from './read-premise-row';

const headers = [
  '店名',
  '负责人',
  '联系电话',
  '身份证号',
  '经营地址',
  '所属村',
  '行业',
  '营业执照号',
  '营业执照有效期',
  '许可证号',
  '有效期',
  '经度',
  '纬度',
  '摸底日期',
  '面积',
  '从业人员',
];
const mapping: HeaderMapping = guessMapping(headers);
const rules: RowRules = {
  crs: WGS84,
  surveyDay: day('2008-03-01'),
  campaignStartDay: day('2008-01-01'),
  todayDay: day('2010-12-31'),
};

function row(values: Partial<Record<(typeof headers)[number], string>>, r: RowRules = rules) {
  return readPremiseRow(
    headers.map((h) => values[h] ?? ''),
    7,
    headers,
    mapping,
    r,
  );
}
const good = { 店名: '阿林小卖部', 经营地址: '丁桥镇大唐村1组23号', 行业: '小卖部' };

describe('readPremiseRow', () => {
  it('reads a full row', () => {
    const r = row({
      ...good,
      负责人: '俞雪林',
      联系电话: '158 9839 7515',
      身份证号: '11010519491231002X',
      所属村: '大唐村',
      营业执照号: '330104600012345',
      营业执照有效期: '2008-06-01至2011-05-31',
      许可证号: '食经营字001',
      有效期: '长期',
      经度: '120.210104',
      纬度: '30.341777',
      摸底日期: '2008年3月15日',
      面积: '35㎡',
      从业人员: '2人',
    });
    expect(r.errors).toEqual([]);
    expect(r.candidate).toMatchObject({
      rowNo: 7,
      name: '阿林小卖部',
      operator: '俞雪林',
      phone: '15898397515',
      idNumber: '11010519491231002X',
      category: 'grocery',
      villageText: '大唐村',
      lngLat: [120.210104, 30.341777],
      crs: 'WGS84',
      surveyDay: day('2008-03-15'),
      areaM2: 35,
      staff: 2,
      licences: [
        {
          licence: 'business',
          licenceNo: '330104600012345',
          fromDay: day('2008-06-01'),
          validToDay: day('2011-05-31'),
        },
        { licence: 'food_trade', licenceNo: '食经营字001', fromDay: null, validToDay: null },
      ],
    });
  });

  it('names the row, the column as the file heads it, and what was expected', () => {
    const r = row({ 店名: '', 经营地址: '某地', 行业: '五金店', 联系电话: 'abc', 摸底日期: '2007-12-01' });
    expect(r.candidate).toBeNull();
    expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [7, '店名', ''],
      [7, '行业', '五金店'],
      [7, '联系电话', 'abc'],
      [7, '摸底日期', '2007-12-01'],
    ]);
    expect(r.errors[1].expected).toMatch(/one of the ten categories: 食品加工小作坊、小食杂店/);
    expect(r.errors[3].expected).toMatch(/on or after the campaign start 2008-01-01/);
    expect(r.errors.map((e) => e.expectedZh)).toEqual([
      '店名（经营户名称），如：阿林小卖部',
      expect.stringMatching(/^十类行业之一：食品加工小作坊、小食杂店、/),
      '电话号码：11位手机号（如 13812345678）或固定电话（如 0571-86001234）',
      '整治开始日 2008-01-01 当天或之后的日期',
    ]);
  });

  it('swaps latitude and longitude written the wrong way round, and says so', () => {
    const r = row({ ...good, 经度: '30.341777', 纬度: '120.210104' });
    expect(r.candidate?.lngLat).toEqual([120.210104, 30.341777]);
    expect(r.warnings[0]).toMatchObject({
      column: '经度',
      expected: expect.stringMatching(/swapped/),
      expectedZh: '经度、纬度写反了（经度 30.341777，纬度 120.210104），已按正确顺序读取',
    });
  });

  it('refuses a point outside China', () => {
    const r = row({ ...good, 经度: '2.3522', 纬度: '48.8566' });
    expect(r.candidate).toBeNull();
    expect(r.errors[0].expected).toMatch(/\(2\.3522, 48\.8566\) is outside China/);
    expect(r.errors[0].expectedZh).toMatch(/\(2\.3522, 48\.8566\) 不在中国境内/);
  });

  it('refuses half a coordinate pair', () => {
    expect(row({ ...good, 经度: '120.21' }).errors[0]).toMatchObject({
      column: '纬度',
      expected: expect.stringMatching(/纬度 is empty|经度 is given/),
      expectedZh: '纬度（度），如：30.3418（填了经度，纬度却是空的）',
    });
  });

  it('converts GCJ-02 coordinates (a web map) to WGS-84', () => {
    const r = row({ ...good, 经度: '120.2148', 纬度: '30.3393' }, { ...rules, crs: GCJ02 });
    const [lng, lat] = r.candidate?.lngLat ?? [0, 0];
    expect(lng).toBeCloseTo(120.2101, 3);
    expect(lat).toBeCloseTo(30.3418, 3);
    expect(r.candidate?.crs).toBe('GCJ02');
  });

  it('flags an ID number Excel turned into a float', () => {
    const [error] = row({ ...good, 身份证号: '3.30104198312308E+17' }).errors;
    expect(error.expected).toMatch(/format the column as text/);
    expect(error.expectedZh).toBe(
      '身份证号应为18位（17位数字加1位数字或X）；Excel 把它存成了数字并丢了末几位：请把该列设为文本后重新填写',
    );
  });

  it('warns of a licence period without a number', () => {
    const r = row({ ...good, 营业执照有效期: '2011-05-31' });
    expect(r.warnings[0].expected).toMatch(/营业执照号 to go with it/);
    expect(r.warnings[0].expectedZh).toBe('同时填写营业执照号；只有有效期没有证号，有效期已忽略');
    expect(r.candidate?.licences).toEqual([]);
  });
});
