import { describe, expect, it } from 'vitest';
import { areaActiveOn } from './area-active';

describe('areaActiveOn', () => {
  it('holds over the inclusive period, and always when open-ended', () => {
    const a = { activeFrom: '2009-01-01', activeTo: '2009-12-31' };
    expect(areaActiveOn(a, '2008-12-31')).toBe(false);
    expect(areaActiveOn(a, '2009-01-01')).toBe(true);
    expect(areaActiveOn(a, '2009-12-31')).toBe(true);
    expect(areaActiveOn(a, '2010-01-01')).toBe(false);
    expect(areaActiveOn({ activeFrom: null, activeTo: null }, '2030-01-01')).toBe(true);
  });
});
