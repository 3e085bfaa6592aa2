import { describe, expect, it } from 'vitest';
import { daysUntil, openOrder } from './open-order';

const r = (id: number, date: string, type: string, deadline?: string) => ({ id, date, type, deadline });

describe('openOrder', () => {
  it('is the latest order with nothing answering it since', () => {
    const records = [
      r(1, '2008-03-01', 'surveyed'),
      r(2, '2008-05-01', 'inspected'),
      r(3, '2008-05-01', 'ordered', '2008-06-01'),
      r(4, '2008-06-02', 'reinspected'),
      r(5, '2008-06-02', 'ordered', '2008-07-01'),
      r(6, '2008-06-20', 'licence_obtained'),
    ];
    expect(openOrder(records)?.id).toBe(5);
  });

  it('is none once a re-inspection or an ending outcome answers it', () => {
    expect(
      openOrder([r(1, '2008-05-01', 'ordered', '2008-06-01'), r(2, '2008-06-01', 'reinspected')]),
    ).toBeNull();
    expect(openOrder([r(1, '2008-05-01', 'ordered', '2008-06-01'), r(2, '2008-06-01', 'closed')])).toBeNull();
    expect(openOrder([r(1, '2008-03-01', 'surveyed')])).toBeNull();
  });
});

describe('daysUntil', () => {
  it('counts whole days, negative when past', () => {
    expect(daysUntil('2010-12-31', '2010-12-24')).toBe(7);
    expect(daysUntil('2010-12-01', '2010-12-24')).toBe(-23);
  });
});
