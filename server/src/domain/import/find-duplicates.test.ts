import { describe, expect, it } from 'vitest';
import { DuplicateFinder } from './find-duplicates';
import { addressSimilarity, normaliseAddress } from './text-similarity';

describe('addressSimilarity', () => {
  it('sees the same address behind different prefixes and spaces', () => {
    expect(normaliseAddress('浙江省杭州市江干区丁桥镇大唐村1组23号')).toBe('丁桥镇大唐村1组23号');
    expect(addressSimilarity('杭州市江干区丁桥镇大唐村1组23号', '丁桥镇 大唐村1组23号')).toBe(1);
  });
  it('does not take a neighbour for the same house', () => {
    expect(addressSimilarity('丁桥镇大唐村3组15号', '丁桥镇大唐村3组16号')).toBeLessThan(0.6);
  });
});

describe('DuplicateFinder', () => {
  const finder = () =>
    new DuplicateFinder([
      { id: 1, archiveNo: 'DQ2008-0001', name: '阿林熟食加工坊', address: '丁桥镇大唐村1组23号' },
      { id: 2, archiveNo: 'DQ2008-0002', name: '阳光出租客运', address: '丁桥镇丁桥大道356号' },
    ]);
  it('matches the same archive number', () => {
    expect(finder().find({ archiveNo: 'DQ2008-0002', name: '别的名字', address: '别处' })).toMatchObject({
      existingId: 2,
      score: 1,
      reason: 'archive_no',
    });
  });
  it('matches the same name at a similar address, with the score', () => {
    const m = finder().find({
      archiveNo: null,
      name: '阿林 熟食加工坊',
      address: '江干区丁桥镇大唐村1组23号',
    });
    expect(m).toMatchObject({ existingId: 1, reason: 'name_and_address', score: 1 });
  });
  it('does not match the same name elsewhere', () => {
    expect(
      finder().find({ archiveNo: null, name: '阿林熟食加工坊', address: '丁桥镇沿山村5组8号' }),
    ).toBeNull();
  });
  it('finds a row repeated within the file', () => {
    const f = finder();
    f.remember(5, { archiveNo: null, name: '新店', address: '丁桥大道1号' });
    expect(f.find({ archiveNo: null, name: '新店', address: '丁桥大道1号' })).toMatchObject({
      existingId: null,
      sameAsRow: 5,
    });
  });
});
