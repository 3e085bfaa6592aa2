import { describe, expect, it } from 'vitest';
import { assignColumn, fieldOfColumn, mappingChanges, missingFields } from './import-mapping';

const FIELDS = [
  { key: 'name', label: '名称', required: true },
  { key: 'address', label: '地址', required: true },
  { key: 'category', label: '行业', required: true },
  { key: 'phone', label: '联系电话', required: false },
];

describe('import mapping table', () => {
  it('shows each column with the field it feeds', () => {
    expect([...fieldOfColumn({ name: 0, address: 2, phone: null })]).toEqual([
      [0, 'name'],
      [2, 'address'],
    ]);
  });

  it('moves a field to another column, letting go of the old one', () => {
    expect(assignColumn({ name: 0, address: 2 }, 1, 'name')).toEqual({ name: 1, address: 2 });
  });

  it('lets a column feed one field only', () => {
    expect(assignColumn({ name: 0, phone: 1 }, 1, 'address')).toEqual({ name: 0, phone: null, address: 1 });
  });

  it('unmaps a column', () => {
    expect(assignColumn({ name: 0, address: 2 }, 2, null)).toEqual({ name: 0, address: null });
  });

  it('sends only what changed', () => {
    expect(mappingChanges({ name: 3, address: 2 }, { name: 0, address: 2, phone: null })).toEqual({
      name: 0,
    });
    expect(mappingChanges({ name: 3 }, { name: null })).toEqual({ name: null });
  });

  it('lists the required fields without a column, 行业 excused by a default category', () => {
    expect(missingFields({ address: 1 }, FIELDS).map((f) => f.key)).toEqual(['name', 'category']);
    expect(missingFields({ address: 1 }, FIELDS, { defaultCategory: true }).map((f) => f.key)).toEqual([
      'name',
    ]);
  });
});
