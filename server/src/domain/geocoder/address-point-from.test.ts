import { describe, expect, it } from 'vitest';
import { addressPointFrom, plateText } from './address-point-from';
import { testGazetteer } from './test-gazetteer.fixture';

describe('addressPointFrom', () => {
  it('keys a village address under the gazetteer’s name for the village', () => {
    const p = addressPointFrom(
      '杭州市江干区丁桥镇大唐三组五号',
      [120.2, 30.3],
      'correction',
      testGazetteer(),
    );
    expect(p).toEqual({
      village: '大唐村',
      group: 3,
      number: 5,
      lngLat: [120.2, 30.3],
      source: 'correction',
    });
    expect(plateText(p as NonNullable<typeof p>)).toBe('大唐村3组5号');
  });

  it('keys road, estate and market addresses', () => {
    const g = testGazetteer();
    expect(addressPointFrom('丁桥镇长睦路88号', [120.2, 30.3], 'import', g)).toMatchObject({
      road: '长睦路',
      number: 88,
    });
    expect(addressPointFrom('丁桥花园3幢78号商铺', [120.2, 30.3], 'import', g)).toMatchObject({
      estate: '丁桥花园',
      building: 3,
      number: 78,
    });
  });

  it('has nothing to key an address without a door number by', () => {
    expect(addressPointFrom('丁桥镇大唐村', [120.2, 30.3], 'correction', testGazetteer())).toBeNull();
    expect(addressPointFrom('23号', [120.2, 30.3], 'correction', testGazetteer())).toBeNull();
  });
});
