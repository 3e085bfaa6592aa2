import { describe, expect, it } from 'vitest';
import { day } from '../dates';
import { buildColumns, type PremiseInput } from '../premise-columns';
import type { PremiseEvent } from '../premise-event';
import { keyedContact } from './rebound-matches';
import { reboundCandidates, repeatFailureItems, rowFilter } from './work-lists';

const d = day;
const premise = (id: number, events: PremiseEvent[], villageId = 1): PremiseInput => ({
  id,
  lng: 120.2 + id * 0.001,
  lat: 30.3,
  category: 'restaurant',
  villageId,
  events,
});
const all = () => true;
const contactOf = (id: number) =>
  keyedContact({ id, villageId: 1, category: 'restaurant', operator: null, phone: null, address: '' });
const ids = (l: { contact: { id: number } }[]) => l.map((p) => p.contact.id);

describe('work lists from the columns', () => {
  const cols = buildColumns([
    premise(1, [
      { day: d('2009-01-01'), type: 'surveyed' },
      { day: d('2009-03-01'), type: 'closed' },
    ]),
    premise(2, [
      { day: d('2009-01-01'), type: 'surveyed' },
      { day: d('2009-03-01'), type: 'closed' },
      { day: d('2009-06-01'), type: 'reopened' },
    ]),
    premise(3, [{ day: d('2009-05-01'), type: 'surveyed' }], 2),
    premise(4, [{ day: d('2009-02-01'), type: 'surveyed' }]),
    premise(5, [
      { day: d('2009-01-01'), type: 'surveyed' },
      { day: d('2009-02-01'), type: 'ordered', deadlineDay: d('2009-02-20') },
      { day: d('2009-02-21'), type: 'reinspected', passed: false },
      { day: d('2009-03-01'), type: 'reinspected', passed: false },
      { day: d('2009-04-01'), type: 'upgraded' },
    ]),
  ]);

  it('takes as closed only what is still closed that day, and as new only what came after the earliest closure', () => {
    const closedOn = new Map([
      [1, d('2009-03-01')],
      [2, d('2009-03-01')],
    ]);
    const early = reboundCandidates(cols, cols, all, d('2009-04-01'), closedOn, contactOf);
    expect(ids(early.closed)).toEqual([1, 2]);
    expect(early.fresh).toEqual([]);
    const later = reboundCandidates(cols, cols, all, d('2009-07-01'), closedOn, contactOf);
    expect(ids(later.closed)).toEqual([1]);
    expect(later.fresh).toEqual([{ contact: contactOf(3), surveyedOn: d('2009-05-01') }]);
    const otherVillage = reboundCandidates(
      cols,
      cols,
      rowFilter(cols, { villageId: 1 }),
      d('2009-07-01'),
      closedOn,
      contactOf,
    );
    expect(otherVillage.fresh).toEqual([]);
  });

  it('lists repeated failures only while the premise is not put right', () => {
    const failures = [{ premiseId: 5, failures: 2, lastFailedOn: d('2009-03-01') }];
    expect(repeatFailureItems(cols, all, d('2009-03-15'), failures, new Map())).toMatchObject([
      { premiseId: 5, failures: 2, lastFailedOn: '2009-03-01', status: 'rectifying' },
    ]);
    expect(repeatFailureItems(cols, all, d('2009-04-01'), failures, new Map())).toEqual([]);
  });
});
