import { describe, expect, it } from 'vitest';
import { checkMapping, fieldForHeader, guessMapping } from './header-mapping';

describe('fieldForHeader', () => {
  it.each([
    ['名称', 'name'],
    ['店名', 'name'],
    ['经营户名称', 'name'],
    ['经营者', 'operator'],
    ['负责人', 'operator'],
    ['联系电话', 'phone'],
    ['身份证号', 'idNumber'],
    ['地址', 'address'],
    ['经营地址', 'address'],
    ['所属村', 'village'],
    ['所属村（社区）', 'village'],
    ['所属村社区', 'village'],
    ['村社区代码', 'villageCode'],
    ['行业', 'category'],
    ['类别', 'category'],
    ['行业类别', 'category'],
    ['营业执照号', 'businessNo'],
    ['统一社会信用代码', 'businessNo'],
    ['食品经营许可证号', 'permitNo'],
    ['有效期', 'permitValid'],
    ['营业执照有效期', 'businessValid'],
    ['面积（㎡）', 'areaM2'],
    ['从业人员', 'staff'],
    ['备注', 'notes'],
    ['经度', 'lng'],
    ['纬度', 'lat'],
    ['Longitude', 'lng'],
    ['坐标系', 'crs'],
    ['序号', 'seq'],
    [' 名 称 * ', 'name'],
    ['经营者联系电话', 'phone'],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
  it('maps nothing it does not know', () => {
    expect(fieldForHeader('检查人')).toBeNull();
    expect(fieldForHeader('')).toBeNull();
  });
});

describe('guessMapping', () => {
  it('maps the demo survey list', () => {
    const headers =
      '档案编号,名称,经营者,联系电话,身份证号,地址,所属村社区,村社区代码,行业,经度,纬度,坐标系,定位方式,重点对象,面积,从业人员,备注'.split(
        ',',
      );
    expect(guessMapping(headers)).toEqual({
      archiveNo: 0,
      name: 1,
      operator: 2,
      phone: 3,
      idNumber: 4,
      address: 5,
      village: 6,
      villageCode: 7,
      category: 8,
      lng: 9,
      lat: 10,
      crs: 11,
      geocodeMethod: 12,
      keyObject: 13,
      areaM2: 14,
      staff: 15,
      notes: 16,
    });
  });
  it('gives a bare 有效期 beside a 营业执照号 to the business licence', () => {
    expect(guessMapping(['店名', '营业执照号', '有效期至'])).toEqual({
      name: 0,
      businessNo: 1,
      businessValid: 2,
    });
  });
  it('takes the first of two columns naming one field', () => {
    expect(guessMapping(['名称', '店名'])).toEqual({ name: 0 });
  });
});

describe('checkMapping', () => {
  const headers = ['店名', '地址', '行业', '经度', '纬度'];
  it('accepts a complete mapping', () => {
    expect(() => checkMapping({ name: 0, address: 1, category: 2, lng: 3, lat: 4 }, headers)).not.toThrow();
  });
  it('names the required fields that have no column', () => {
    expect(() => checkMapping({ name: 0 }, headers)).toThrow(/no column for 地址、行业/);
    expect(() => checkMapping({ name: 0 }, headers)).toThrow(
      expect.objectContaining({
        messageZh:
          '表头对应不全：还缺地址、行业；请为每项选择对应的列（文件现有列："店名"、"地址"、"行业"、"经度"、"纬度"）',
      }),
    );
  });
  it('allows 行业 to come from a default category', () => {
    expect(() => checkMapping({ name: 0, address: 1 }, headers, { defaultCategory: true })).not.toThrow();
  });
  it('refuses one column for two fields', () => {
    expect(() => checkMapping({ name: 0, address: 0, category: 2 }, headers)).toThrow(
      /"店名" is mapped to both 名称 and 地址/,
    );
    expect(() => checkMapping({ name: 0, address: 0, category: 2 }, headers)).toThrow(
      expect.objectContaining({
        messageZh: '表头对应有误：“店名”列同时对应了名称和地址，一列只能对应一个字段',
      }),
    );
  });
  it('refuses a column that does not exist', () => {
    expect(() => checkMapping({ name: 9, address: 1, category: 2 }, headers)).toThrow(/column 9/);
  });
  it('wants 经度 and 纬度 together', () => {
    expect(() => checkMapping({ name: 0, address: 1, category: 2, lng: 3 }, headers)).toThrow(
      /经度 and 纬度 go together/,
    );
  });
});
