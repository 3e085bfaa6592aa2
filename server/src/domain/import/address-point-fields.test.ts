import { describe, expect, it } from 'vitest';
import { ADDRESS_POINT_HEADER, guessAddressPointMapping } from './address-point-fields';

describe('guessAddressPointMapping', () => {
  it('knows the headers of land-bureau and household-register plate lists', () => {
    expect(
      guessAddressPointMapping([
        '序号',
        '所属村（社区）',
        '村民小组',
        '街路巷名',
        '门牌号码',
        '东经',
        '北纬',
        '坐标系统',
      ]),
    ).toEqual({ village: 1, group: 2, road: 3, number: 4, lng: 5, lat: 6, crs: 7 });
    expect(guessAddressPointMapping(['标准地址', 'X', 'Y'])).toEqual({ address: 0, lng: 1, lat: 2 });
  });

  it('finds the header row below a title', () => {
    expect(ADDRESS_POINT_HEADER.score(['丁桥镇门牌登记表'])).toBeLessThan(2);
    expect(ADDRESS_POINT_HEADER.score(['村', '组', '号', '经度', '纬度'])).toBe(5);
  });
});
