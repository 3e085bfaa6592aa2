import { describe, expect, it } from 'vitest';
import { fieldChanges } from './field-changes';

describe('fieldChanges', () => {
  const current = { name: '阿林小卖部', phone: null as string | null, lng: 120.2, lat: 30.3, villageId: 1 };

  it('keeps only what differs, with the position as one lngLat', () => {
    const c = fieldChanges(current, {
      name: '阿林小卖部',
      phone: '13800001111',
      lng: 120.21,
      lat: 30.3,
      villageId: 2,
    });
    expect(c.fields).toEqual(['phone', 'villageId', 'lngLat']);
    expect(c.before).toEqual({ phone: null, villageId: 1, lngLat: [120.2, 30.3] });
    expect(c.after).toEqual({ phone: '13800001111', villageId: 2, lngLat: [120.21, 30.3] });
    expect(c.update).toEqual({ phone: '13800001111', villageId: 2, lng: 120.21, lat: 30.3 });
  });

  it('changes nothing when every value is what it was', () => {
    expect(fieldChanges(current, { name: '阿林小卖部', lng: 120.2 }).fields).toEqual([]);
  });
});
