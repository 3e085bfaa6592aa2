import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api-errors';
import { contactChange, editFailure, pinChange } from './quick-edit-logic';

describe('the field page’s quick edits', () => {
  const file = { phone: '13800000000', notes: '早上七点开门', lngLat: [120.1, 30.2] as [number, number] };

  it('sends only the contact fields that changed, trimmed, an emptied one removed, and nothing when none did', () => {
    expect(contactChange(file, { phone: ' 13800000000 ', notes: '早上七点开门\n' })).toBeNull();
    expect(contactChange(file, { phone: '13900000001', notes: '早上七点开门' })).toEqual({
      phone: '13900000001',
    });
    expect(contactChange(file, { phone: '13800000000', notes: '  ' })).toEqual({ notes: null });
    expect(contactChange({ phone: null, notes: null }, { phone: '', notes: '' })).toBeNull();
    expect(contactChange({ phone: null, notes: null }, { phone: '0571-1234', notes: '新店' })).toEqual({
      phone: '0571-1234',
      notes: '新店',
    });
  });

  it('moves the pin to where the phone stands, to 0.1 m, and says how far it moved', () => {
    // 0.0001° of latitude is about 11 m
    const moved = pinChange(file, [120.100000049, 30.2001]);
    expect(moved.change).toEqual({ lngLat: [120.1, 30.2001] });
    expect(moved.meters).toBe(11);
    expect(pinChange(file, file.lngLat).meters).toBe(0);
  });

  it('tells a conflict (with the file as it stands) from no network and from another refusal', () => {
    const current = { id: 7, phone: '13700000000' };
    expect(editFailure(new ApiRequestError(409, 'changed meanwhile', { current }))).toEqual({
      kind: 'conflict',
      current,
    });
    expect(editFailure(new ApiRequestError(409, 'changed meanwhile'))).toEqual({
      kind: 'conflict',
      current: null,
    });
    expect(editFailure(new TypeError('Failed to fetch'))).toEqual({ kind: 'offline' });
    expect(
      editFailure(new ApiRequestError(400, 'phone: not a number', undefined, '电话号码格式不对')),
    ).toEqual({
      kind: 'refused',
    });
  });
});
