import { describe, expect, it } from 'vitest';
import { day } from './dates';
import { buildColumns, type PremiseInput } from './premise-columns';
import { withPremise } from './with-premise';

const premise = (id: number, lng: number, closedOn?: string): PremiseInput => ({
  id,
  lng,
  lat: 30.35,
  category: 'grocery',
  villageId: 7,
  events: [
    { day: day('2008-02-01'), type: 'surveyed' },
    { day: day('2008-06-01'), type: 'upgraded' },
    ...(closedOn ? [{ day: day(closedOn), type: 'closed' as const }] : []),
  ],
});

const plain = (c: ReturnType<typeof buildColumns>) => ({
  id: [...c.id],
  lng: [...c.lng],
  intervalStart: [...c.intervalStart],
  intervalPremise: [...c.intervalPremise],
  status: [...c.status],
  fromDay: [...c.fromDay],
  toDay: [...c.toDay],
});

describe('withPremise', () => {
  const base = [premise(1, 120.1), premise(2, 120.2, '2009-01-01'), premise(3, 120.3)];

  it('replacing a premise equals building from scratch', () => {
    const changed = premise(2, 120.25);
    const updated = withPremise(buildColumns(base), changed);
    expect(plain(updated)).toEqual(plain(buildColumns([base[0], changed, base[2]])));
    expect(updated.index.range(120.24, 30, 120.26, 31)).toEqual([1]);
  });

  it('adding a premise equals building from scratch, and leaves the old columns alone', () => {
    const old = buildColumns(base);
    const snapshot = plain(old);
    const added = withPremise(old, premise(9, 120.4, '2010-01-01'));
    expect(plain(added)).toEqual(plain(buildColumns([...base, premise(9, 120.4, '2010-01-01')])));
    expect(added.rowOf.get(9)).toBe(3);
    expect(plain(old)).toEqual(snapshot);
    expect(old.rowOf.has(9)).toBe(false);
  });
});
